import {
  type AddressRefundConvertData,
  addressRefundConvertDataSchema,
} from '../address-refund-convert/address-refund-convert-api';
import {
  type AddressRefundConvertBody,
  addressRefundConvertBodySchema,
} from '../address-refund-convert/address-refund-convert-options';
import type { GatePayCallOptions, GatePaySender } from '../create-gatepay-sender';
import { parseGatePayInput } from '../parse-gatepay-input';
import type { GatePayResponse } from '../read-gatepay-response';
import { stringifyGatePayBody } from '../stringify-gatepay-body';

/** Same body as the convert refund; only the Java SDK knows this endpoint. */
export type CheckoutRefundBody = AddressRefundConvertBody;
export type CheckoutRefundData = AddressRefundConvertData;

/**
 * `POST /v1/pay/checkout/refund`.
 * @deprecated Only GatePay's Java SDK uses it and the current documentation does not list it; prefer
 * `standardOrderRefund`. Kept for merchants whose integration still depends on it.
 */
export async function checkoutRefund(
  sender: GatePaySender,
  body: CheckoutRefundBody,
  options?: GatePayCallOptions,
): Promise<GatePayResponse<CheckoutRefundData>> {
  const checked = parseGatePayInput(addressRefundConvertBodySchema, body);
  return sender.send({
    method: 'POST',
    path: '/v1/pay/checkout/refund',
    body: stringifyGatePayBody(checked, ['receiverId']),
    writes: true,
    dataSchema: addressRefundConvertDataSchema,
    options,
  });
}
