import * as v from 'valibot';
import { receivedAmountSchema, receivedIdSchema, receivedTextSchema } from '../gatepay-receive-schemas';

/** `data` of a successful `/v1/pay/address/refundconvert` (and of the legacy `/v1/pay/checkout/refund`). */
export const addressRefundConvertDataSchema = v.looseObject({
  refundRequestId: receivedIdSchema,
  prepayId: receivedIdSchema,
  orderCurrency: receivedTextSchema,
  orderAmount: v.optional(receivedAmountSchema),
  refundOrderAmount: v.optional(receivedAmountSchema),
  payCurrency: receivedTextSchema,
  payAmount: v.optional(receivedAmountSchema),
  refundPayAmount: v.optional(receivedAmountSchema),
});

export type AddressRefundConvertData = v.InferOutput<typeof addressRefundConvertDataSchema>;
