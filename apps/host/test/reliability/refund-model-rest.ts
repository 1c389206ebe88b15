import { finalStates } from '../../src/ledger/ledger';
import { reconcileRefund } from '../../src/refunds/reconcile-refund';
import type { ModelSystem } from './refund-model-system';

export interface ModelRest {
  /** Reconciler passes it took (or the bound, when the system never came to rest). */
  passes: number;
  /** Operations still running when the model gave up waiting for them: each one is a hang. */
  hanging: string[];
  /** Refunds neither final nor with a person at the end. */
  moving: number;
}

// Past every scheduled check (back-off stops at ten minutes) and every lease a dead process left behind.
const timeAdvanceMs = 60 * 60 * 1000;

/**
 * Lets the system settle after a run: waits for every operation still in flight (those of dead processes too,
 * which fail at their next step), lifts the faults, settles every refund at the providers, then runs reconciler
 * passes, the two instances taking turns, until every refund is final or with a person, or the bound is
 * reached. Each pass claims as if time had moved on, so that due checks and dead processes' leases need not be
 * waited for; settle windows and read lag still pass in real time between passes.
 */
export async function bringModelToRest(
  system: ModelSystem,
  bound: { passes: number; ms: number },
): Promise<ModelRest> {
  for (const instance of system.instances()) instance.disarm();
  const hanging = await system.awaitAll(20_000);
  for (const sandbox of system.sandboxes) sandbox.running.clearFaults();
  const deadline = Date.now() + bound.ms;
  let passes = 0;
  let moving = await countMoving(system);
  while (moving > 0 && passes < bound.passes && Date.now() < deadline) {
    await Promise.all(system.sandboxes.map((sandbox) => sandbox.running.settleAll()));
    const instance = system.instance(passes);
    passes += 1;
    const claimed = await instance.context.ledger.claimDue(instance.instanceId, {
      now: new Date(Date.now() + timeAdvanceMs),
      limit: 100,
      leaseMs: system.timing.leaseMs,
      accounts: [...instance.accounts.keys()],
    });
    await Promise.all(
      claimed.map((refund) =>
        system.perform(`rest: reconcile ${refund.refundId}`, () => reconcileRefund(refund, instance.context)),
      ),
    );
    moving = await countMoving(system);
    if (moving > 0) await new Promise((resolve) => setTimeout(resolve, system.timing.settleWindowMs / 2));
  }
  return { passes, hanging, moving };
}

async function countMoving(system: ModelSystem): Promise<number> {
  let moving = 0;
  for (const order of system.orders) {
    for (const refund of await system.ledger.refundsOfOrder(order.account, order.orderId)) {
      if (!finalStates.includes(refund.state) && refund.state !== 'needs_attention') moving += 1;
    }
  }
  return moving;
}
