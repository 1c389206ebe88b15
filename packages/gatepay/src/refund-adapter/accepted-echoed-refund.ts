import type { RefundResult } from '@refunds/core';
import { acceptedRefundResult } from './accepted-refund-result';
import { checkRefundEcho } from './check-refund-echo';
import type { ValidatedRefund } from './validate-refund-request';

/**
 * A v1 refund answer (order or address endpoint) once its echo of the refund id, order and amount matches what
 * was sent. v1 answers carry no GatePay refund id (channelId is the payment channel).
 */
export function acceptedEchoedRefund(
  refund: ValidatedRefund,
  response: { data: { refundRequestId: string; prepayId: string; refundAmount?: string }; raw: unknown },
): RefundResult {
  const { data, raw } = response;
  checkRefundEcho(
    refund,
    { refundRequestId: data.refundRequestId, prepayId: data.prepayId, amount: data.refundAmount },
    raw,
  );
  return acceptedRefundResult(refund, undefined, raw);
}
