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
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const runOnce = async (): Promise<number> => {
    const claimed: RefundRecord[] = await context.ledger.claimDue(context.instanceId, {
      now: new Date(),
      limit: context.batchSize ?? 20,
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
    current = runOnce()
      .catch((error: unknown) => context.logger.error({ error: String(error) }, 'reconciler pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, context.intervalMs);
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
