import type { RefundRecord } from '../ledger/ledger';

/** What the API shows of a refund: its state and identity, never the provider payloads (those are events). */
export function toRefundView(refund: RefundRecord) {
  return {
    refundId: refund.refundId,
    account: refund.account,
    provider: refund.provider,
    orderId: refund.orderId,
    amount: { amount: refund.amount, currency: refund.currency },
    state: refund.state,
    ...(refund.providerRefundId ? { providerRefundId: refund.providerRefundId } : {}),
    ...(refund.failure ? { failure: refund.failure } : {}),
    createdAt: refund.createdAt.toISOString(),
    updatedAt: refund.updatedAt.toISOString(),
  };
}
