import type { AddressRefundConvertData } from '../address-refund-convert/address-refund-convert-api';
import { addressRefundConvertDataSchema } from '../address-refund-convert/address-refund-convert-api';
import {
  type AddressRefundConvertBody,
  addressRefundConvertBodySchema,
} from '../address-refund-convert/address-refund-convert-options';
import { gatePayOperation } from '../gatepay-operation';

/** Same body as the convert refund; only the Java SDK knows this endpoint. */
export type CheckoutRefundBody = AddressRefundConvertBody;
export type CheckoutRefundData = AddressRefundConvertData;

/**
 * `POST /v1/pay/checkout/refund`.
 * @deprecated Only GatePay's Java SDK uses it and the current documentation does not list it; prefer
 * `standardOrderRefund`. Kept for merchants whose integration still depends on it.
 */
export const checkoutRefund = gatePayOperation({
  method: 'POST',
  path: '/v1/pay/checkout/refund',
  writes: true,
  inputSchema: addressRefundConvertBodySchema,
  dataSchema: addressRefundConvertDataSchema,
  integerFields: ['receiverId'],
});
