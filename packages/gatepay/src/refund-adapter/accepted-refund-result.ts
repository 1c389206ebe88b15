import type { RefundResult } from '@refunds/core';
import type { ValidatedRefund } from './validate-refund-request';

/** GatePay's success answer to a refund only means accepted: the status stays pending until a query or notification. */
export function acceptedRefundResult(
  refund: ValidatedRefund,
  providerRefundId: string | null | undefined,
  raw: unknown,
): RefundResult {
  return {
    refundId: refund.refundId,
    provider: 'gatepay',
    ...(providerRefundId ? { providerRefundId } : {}),
    status: 'pending',
    amount: { ...refund.amount },
    raw,
  };
}
