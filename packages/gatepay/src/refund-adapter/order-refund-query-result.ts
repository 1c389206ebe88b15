import { RefundError, type RefundLookup, type RefundResult } from '@refunds/core';
import type { OrderRefundQueryData } from '../order-refund-query/order-refund-query-api';
import type { GatePayResponse } from '../read-gatepay-response';
import { mapGatePayRefundStatus } from './map-gatepay-refund-status';

/**
 * `getRefund`'s result from `/v1/pay/order/refund/query`. That answer names no currency, so the result's currency
 * is empty unless GatePay adds one.
 */
export function orderRefundQueryResult(
  response: GatePayResponse<OrderRefundQueryData>,
  lookup: RefundLookup & { refundId: string },
): RefundResult {
  const { data, raw } = response;
  const otherOrder =
    lookup.orderId !== undefined && data.prepayId !== undefined && data.prepayId !== lookup.orderId;
  if (data.refundRequestId !== lookup.refundId || otherOrder) {
    throw new RefundError({
      code: 'invalid_response',
      outcome: 'rejected',
      provider: 'gatepay',
      raw,
      message: `GatePay answered the query for refund "${lookup.refundId}" of order "${lookup.orderId ?? '?'}" with refund "${data.refundRequestId}" of order "${data.prepayId ?? '?'}"; check it with GatePay.`,
    });
  }
  const status = mapGatePayRefundStatus(data.refundStatus);
  const currency = typeof data.currency === 'string' ? data.currency : '';
  return {
    refundId: lookup.refundId,
    provider: 'gatepay',
    status,
    amount: { amount: data.refundAmount, currency },
    ...(status === 'failed'
      ? { failure: { code: data.refundStatus ?? 'FAIL', message: 'GatePay reports the refund as failed.' } }
      : {}),
    raw,
  };
}
