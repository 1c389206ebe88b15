import type { RefundResult, RefundStatus } from '@refunds/core';
import type { __Name__Refund } from '../create-refund/create-refund-api';

const statuses: Record<__Name__Refund['status'], RefundStatus> = {
  PROCESSING: 'pending',
  SUCCESS: 'succeeded',
  FAILED: 'failed',
};

/** The contract's view of a __Name__ refund; `raw` is already redacted. */
export function toRefundResult(refund: __Name__Refund, raw: unknown): RefundResult {
  return {
    refundId: refund.refundId,
    provider: '__name__',
    providerRefundId: refund.providerRefundId,
    status: statuses[refund.status],
    amount: { amount: refund.amount, currency: refund.currency },
    ...(refund.status === 'FAILED'
      ? { failure: { code: 'FAILED', message: '__Name__ reports the refund failed' } }
      : {}),
    raw,
  };
}
