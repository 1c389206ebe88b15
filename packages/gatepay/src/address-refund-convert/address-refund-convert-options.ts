import * as v from 'valibot';
import {
  currencySchema,
  gatePayAmountSchema,
  gateUidSchema,
  prepayIdSchema,
  refundReasonSchema,
  refundRequestIdSchema,
} from '../gatepay-send-schemas';

/**
 * Body of `POST /v1/pay/address/refundconvert` (convert, or flash-swap, address payments), in the field order of
 * GatePay's documented example. Which amount fields are mandatory is undocumented: the example sends neither,
 * the SDKs send both.
 */
export const addressRefundConvertBodySchema = v.strictObject({
  refundRequestId: refundRequestIdSchema,
  prepayId: prepayIdSchema,
  /** The order currency, e.g. `BTC`. */
  refundOrderCurrency: currencySchema,
  /** The refund in the order currency. */
  refundOrderAmount: v.optional(gatePayAmountSchema),
  /** The currency the user paid with, e.g. `USDT`. */
  refundPayCurrency: currencySchema,
  /** The refund in the pay currency. */
  refundPayAmount: v.optional(gatePayAmountSchema),
  refundReason: refundReasonSchema,
  /** Gate UID of the recipient, as a digit string; it is sent as a JSON number. */
  receiverId: gateUidSchema,
});

export type AddressRefundConvertBody = v.InferInput<typeof addressRefundConvertBodySchema>;
