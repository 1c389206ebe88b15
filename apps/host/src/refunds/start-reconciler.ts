import type { RefundRecord } from '../ledger/ledger';
import { type ReconcileContext, reconcileRefund } from './reconcile-refund';

export interface Reconciler {
  /** One pass: claims due refunds and resolves them. Returns how many it looked at. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The loop every host instance runs. Instances claim work through the ledger's row leases, so two of them
 * never resolve the same refund at once.
 */
export function startReconciler(
  context: ReconcileContext & { intervalMs: number; batchSize?: number },
): Reconciler {
  const batchSize = context.batchSize ?? 20;
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const runOnce = async (): Promise<number> => {
    const claimed: RefundRecord[] = await context.ledger.claimDue(context.instanceId, {
      now: new Date(),
      limit: batchSize,
      leaseMs: context.leaseMs,
      // Only accounts this process serves: another host on the same database (a canary, a rolling deploy, a
      // sandbox) keeps its own refunds.
      accounts: [...context.accounts.keys()],
    });
    await Promise.allSettled(claimed.map((refund) => reconcileRefund(refund, context)));
    return claimed.length;
  };

  const loop = () => {
    if (stopped) return;
    let full = false;
    current = runOnce()
      .then((count) => {
        full = count >= batchSize;
      })
      .catch((error: unknown) => context.logger.error({ error: String(error) }, 'reconciler pass failed'))
      .finally(() => {
        // A full batch means more are due: the next pass goes at once (after a turn of the event loop, so
        // requests interleave), or a host taking refunds faster than a batch per interval would fall ever
        // further behind on checking them. The interval is the wait when nothing is left.
        if (!stopped) timer = full ? setTimeout(loop, 0) : setTimeout(loop, context.intervalMs);
      });
  };
  timer = setTimeout(loop, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
