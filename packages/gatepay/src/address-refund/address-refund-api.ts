import * as v from 'valibot';
import { receivedAmountSchema, receivedIdSchema } from '../gatepay-receive-schemas';

/** `data` of a successful `/v1/pay/address/refund`. */
export const addressRefundDataSchema = v.looseObject({
  refundRequestId: receivedIdSchema,
  prepayId: receivedIdSchema,
  orderAmount: v.optional(receivedAmountSchema),
  refundAmount: receivedAmountSchema,
});

export type AddressRefundData = v.InferOutput<typeof addressRefundDataSchema>;
