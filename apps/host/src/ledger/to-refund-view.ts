import type { RefundRecord } from './ledger';

/**
 * What the API shows of a refund, and what webhooks carry as their `data`: its state and identity, never the
 * provider payloads (those are events) nor anything secret.
 */
export function toRefundView(refund: RefundRecord) {
  return {
    refundId: refund.refundId,
    account: refund.account,
    provider: refund.provider,
    orderId: refund.orderId,
    amount: { amount: refund.amount, currency: refund.currency },
    state: refund.state,
    ...(refund.providerRefundId ? { providerRefundId: refund.providerRefundId } : {}),
    ...(refund.failure
      ? {
          failure: {
            ...refund.failure,
            // A refund that never reached the provider can be sent again with the same refundId and body.
            ...(refund.state === 'failed'
              ? { retryableWithSameId: refund.failureOutcome === 'not_sent' }
              : {}),
          },
        }
      : {}),
    createdAt: refund.createdAt.toISOString(),
    updatedAt: refund.updatedAt.toISOString(),
  };
}
