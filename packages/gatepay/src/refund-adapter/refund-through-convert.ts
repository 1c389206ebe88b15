import { isAmountEqual, RefundError, type RefundResult } from '@refunds/core';
import type { GatePayClient } from '../create-gatepay-client';
import { acceptedRefundResult } from './accepted-refund-result';
import { checkRefundEcho } from './check-refund-echo';
import type { RefundCallOptions } from './refund-call-options';
import type { ValidatedRefund } from './validate-refund-request';

/**
 * `refund` through `POST /v1/pay/address/refundconvert`. The request amount is in the order currency
 * (`refundOrderCurrency` / `refundOrderAmount`); the pay side comes from providerOptions.
 */
export async function refundThroughConvert(
  client: GatePayClient,
  refund: ValidatedRefund,
  callOptions: RefundCallOptions,
): Promise<RefundResult> {
  const { target, options } = refund;
  if (target.kind !== 'gate-account' || options.refundPayCurrency === undefined) {
    throw new TypeError('convert refunds need a Gate account target and refundPayCurrency');
  }
  const response = await client.addressRefundConvert(
    {
      refundRequestId: refund.refundId,
      prepayId: refund.orderId,
      refundOrderCurrency: refund.amount.currency,
      refundOrderAmount: refund.amount.amount,
      refundPayCurrency: options.refundPayCurrency,
      refundPayAmount: options.refundPayAmount,
      refundReason: refund.reasonOrDefault,
      receiverId: target.gateUid,
    },
    callOptions,
  );
  const { data } = response;
  checkRefundEcho(
    refund,
    {
      refundRequestId: data.refundRequestId,
      prepayId: data.prepayId,
      amount: data.refundOrderAmount,
      currency: data.orderCurrency,
    },
    response.raw,
  );
  const payAmountDiffers =
    options.refundPayAmount !== undefined &&
    data.refundPayAmount !== undefined &&
    !isAmountEqual(data.refundPayAmount, options.refundPayAmount);
  if (payAmountDiffers || (data.payCurrency && data.payCurrency !== options.refundPayCurrency)) {
    throw new RefundError({
      code: 'invalid_response',
      outcome: 'unknown',
      provider: 'gatepay',
      raw: response.raw,
      message: `GatePay accepted convert refund "${refund.refundId}" but echoed ${data.refundPayAmount} ${data.payCurrency} on the pay side instead of ${options.refundPayAmount ?? '(any amount)'} ${options.refundPayCurrency}. Do not resend: check it with getRefund and with GatePay.`,
    });
  }
  return acceptedRefundResult(refund, undefined, response.raw);
}
