import type { RefundResult } from '@refunds/core';
import type { RefundOrder } from '../api/refund-order-api';
import { toRefundStatus } from './to-refund-status';

/** A verified RefundOrder as the contract's RefundResult; `raw` is the whole answer, already redacted. */
export function toRefundResult(refundOrder: RefundOrder, refundId: string, raw: unknown): RefundResult {
  const status = toRefundStatus(refundOrder.status);
  return {
    refundId,
    provider: 'bonuspay',
    ...(refundOrder.orderNo === undefined ? {} : { providerRefundId: refundOrder.orderNo }),
    status,
    amount: { amount: refundOrder.amount.amount, currency: refundOrder.amount.currency },
    ...(status === 'failed'
      ? {
          failure: {
            code: refundOrder.failCode ?? 'FAILURE',
            message: refundOrder.failDes ?? 'BonusPay reported the refund as failed without a reason.',
          },
        }
      : {}),
    raw,
  };
}
