import type { RefundResult } from '@refunds/core';
import type { GatePayClient } from '../create-gatepay-client';
import { acceptedEchoedRefund } from './accepted-echoed-refund';
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
  return acceptedEchoedRefund(refund, response);
}
