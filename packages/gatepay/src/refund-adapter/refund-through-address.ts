import type { RefundResult } from '@refunds/core';
import type { GatePayClient } from '../create-gatepay-client';
import { acceptedEchoedRefund } from './accepted-echoed-refund';
import type { RefundCallOptions } from './refund-call-options';
import type { ValidatedRefund } from './validate-refund-request';

/** `refund` through `POST /v1/pay/address/refund` (direct address payments) to the Gate UID in the destination. */
export async function refundThroughAddress(
  client: GatePayClient,
  refund: ValidatedRefund,
  options: RefundCallOptions,
): Promise<RefundResult> {
  if (refund.target.kind !== 'gate-account')
    throw new TypeError('address refunds need a Gate account target');
  const response = await client.addressRefund(
    {
      refundRequestId: refund.refundId,
      prepayId: refund.orderId,
      refundAmount: refund.amount.amount,
      receiverId: refund.target.gateUid,
      refundReason: refund.reason,
    },
    options,
  );
  return acceptedEchoedRefund(refund, response);
}
