import type { RefundResult } from '@refunds/core';
import type { GatePayClient } from '../create-gatepay-client';
import { acceptedRefundResult } from './accepted-refund-result';
import { checkRefundEcho } from './check-refund-echo';
import type { RefundCallOptions } from './refund-call-options';
import type { ValidatedRefund } from './validate-refund-request';

/** `refund` through `POST /v1/pay/order/refund` (web, app and QR payments, original path only). */
export async function refundThroughOrder(
  client: GatePayClient,
  refund: ValidatedRefund,
  options: RefundCallOptions,
): Promise<RefundResult> {
  const response = await client.orderRefund(
    {
      refundRequestId: refund.refundId,
      prepayId: refund.orderId,
      refundAmount: refund.amount.amount,
      refundReason: refund.reason,
    },
    options,
  );
  const { data } = response;
  checkRefundEcho(
    refund,
    { refundRequestId: data.refundRequestId, prepayId: data.prepayId, amount: data.refundAmount },
    response.raw,
  );
  // v1 answers carry no GatePay refund id (channelId is the payment channel).
  return acceptedRefundResult(refund, undefined, response.raw);
}
