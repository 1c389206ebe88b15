import { finalStates, type RefundRecord } from '../ledger/ledger';
import { withEventActor } from '../ledger/with-event-actor';
import { HostError } from './host-error';
import { type ReconcileContext, reconcileRefund } from './reconcile-refund';

const pollMs = 25;

/**
 * Asks the provider about one refund now, whatever its schedule. It takes the same lease as the reconciler, so
 * of two concurrent syncs (or a sync and a reconciler pass) one looks up and at most one resends; the other
 * waits for that lease to end and returns the outcome. `actor`, the API key's name that asked, is recorded in
 * every event the sync writes.
 */
export async function syncRefund(
  refundId: string,
  context: ReconcileContext,
  actor?: string,
): Promise<RefundRecord> {
  const refund = await context.ledger.getRefund(refundId);
  if (!refund) throw new HostError(404, 'refund_not_found', `No refund with id ${refundId}.`);
  if (!context.accounts.has(refund.account)) {
    throw new HostError(
      409,
      'account_not_configured',
      `Refund ${refundId} belongs to account ${refund.account}, which this host does not serve; sync it on a host that does.`,
    );
  }
  if (finalStates.includes(refund.state)) return refund;
  const claimed = await context.ledger.claimRefund(refundId, context.instanceId, {
    now: new Date(),
    leaseMs: context.leaseMs,
    accounts: [refund.account],
  });
  if (claimed) {
    const asked =
      actor === undefined ? context : { ...context, ledger: withEventActor(context.ledger, actor) };
    return (await reconcileRefund(claimed, asked)) ?? (await current(refundId, context));
  }
  return leaseEnded(refundId, context);
}

/** Waits while someone else holds the refund's lease, then returns it as they left it. */
async function leaseEnded(refundId: string, context: ReconcileContext): Promise<RefundRecord> {
  const deadline = Date.now() + context.leaseMs;
  for (;;) {
    const refund = await current(refundId, context);
    const held = refund.leaseUntil !== undefined && refund.leaseUntil.getTime() > Date.now();
    if (!held || Date.now() > deadline) return refund;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function current(refundId: string, context: ReconcileContext): Promise<RefundRecord> {
  const refund = await context.ledger.getRefund(refundId);
  if (!refund) throw new Error(`refund ${refundId} vanished from the ledger`);
  return refund;
}
