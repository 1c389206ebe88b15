import { RefundError, type RefundResult } from '@refunds/core';
import type { GatePayResponse } from '../read-gatepay-response';
import type { RefundDetailsData } from '../refund-details/refund-details-api';
import { mapGatePayRefundStatus } from './map-gatepay-refund-status';

/** `getRefund`'s result from `/v2/pay/refund/details`. */
export function refundDetailsResult(
  response: GatePayResponse<RefundDetailsData>,
  refundId: string,
): RefundResult {
  const { data, raw } = response;
  const amount = data.requestAmount || data.amount;
  if (data.refundRequestId !== refundId || !amount) {
    throw new RefundError({
      code: 'invalid_response',
      outcome: 'rejected',
      provider: 'gatepay',
      raw,
      message: `GatePay's refund details for "${refundId}" ${
        amount ? `describe refund "${data.refundRequestId}" instead` : 'carry no amount'
      }; query it again or check it with GatePay.`,
    });
  }
  const status = mapGatePayRefundStatus(data.status);
  const providerRefundId = data.gateRefundId || data.refundId;
  return {
    refundId,
    provider: 'gatepay',
    ...(providerRefundId ? { providerRefundId } : {}),
    status,
    amount: { amount, currency: data.requestCurrency || data.currency || data.orderCurrency || '' },
    ...(status === 'failed'
      ? {
          failure: {
            code: data.status ?? 'FAIL',
            message: data.refund_fail_reason || data.remark || 'GatePay reports the refund as failed.',
          },
        }
      : {}),
    raw,
  };
}
