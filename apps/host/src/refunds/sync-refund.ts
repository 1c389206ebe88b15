import { finalStates, type RefundRecord } from '../ledger/ledger';
import { HostError } from './host-error';
import { type ReconcileContext, reconcileRefund } from './reconcile-refund';

/** Asks the provider about one refund now, whatever its schedule, unless it is final or still being sent. */
export async function syncRefund(refundId: string, context: ReconcileContext): Promise<RefundRecord> {
  const refund = await context.ledger.getRefund(refundId);
  if (!refund) throw new HostError(404, 'refund_not_found', `No refund with id ${refundId}.`);
  // A live lease means someone (a provider call, or a reconciler) is already on it: do not take it away.
  const leaseLive = refund.leaseUntil !== undefined && refund.leaseUntil.getTime() > Date.now();
  if (finalStates.includes(refund.state) || leaseLive) return refund;
  const claimed = await context.ledger.transition(refundId, {
    from: [refund.state],
    patch: { leaseOwner: context.instanceId, leaseUntil: new Date(Date.now() + context.leaseMs) },
    event: { type: 'sync_requested', data: {} },
  });
  if (!claimed) return (await context.ledger.getRefund(refundId)) ?? refund;
  return (await reconcileRefund(claimed, context)) ?? (await context.ledger.getRefund(refundId)) ?? claimed;
}
