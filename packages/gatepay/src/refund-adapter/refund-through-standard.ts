import type { RefundResult } from '@refunds/core';
import type { GatePayClient } from '../create-gatepay-client';
import { acceptedRefundResult } from './accepted-refund-result';
import { checkRefundEcho } from './check-refund-echo';
import type { RefundCallOptions } from './refund-call-options';
import type { ValidatedRefund } from './validate-refund-request';

/** `refund` through `POST /v2/standard/order/refund`, to the original path, a Gate account or a Web3 address. */
export async function refundThroughStandard(
  client: GatePayClient,
  refund: ValidatedRefund,
  options: RefundCallOptions,
): Promise<RefundResult> {
  const { target } = refund;
  const response = await client.standardOrderRefund(
    {
      refundRequestId: refund.refundId,
      prepayId: refund.orderId,
      refundAmount: refund.amount.amount,
      refundReason: refund.reasonOrDefault,
      ...(target.kind === 'gate-account'
        ? { refundStyle: 2, refundPayChannel: 1, refundToGateUid: target.gateUid }
        : {}),
      ...(target.kind === 'web3-address'
        ? { refundStyle: 2, refundPayChannel: 2, refundAddress: target.address, refundChain: target.chain }
        : {}),
      refundBearType: refund.options.refundBearType,
      memo: refund.options.memo,
    },
    options,
  );
  const { data } = response;
  checkRefundEcho(
    refund,
    {
      refundRequestId: data.refundRequestId,
      prepayId: data.prepayId,
      amount: data.refundAmount,
      currency: data.orderCurrency,
    },
    response.raw,
  );
  return acceptedRefundResult(refund, data.refundGateId, response.raw);
}
