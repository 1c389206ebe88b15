import * as v from 'valibot';
import { receivedAmountSchema, receivedIdSchema, receivedTextSchema } from '../gatepay-receive-schemas';

/** `data` of a successful `/v1/pay/order/refund`: the refund was accepted, not necessarily completed. */
export const orderRefundDataSchema = v.looseObject({
  refundRequestId: receivedIdSchema,
  prepayId: receivedIdSchema,
  orderAmount: v.optional(receivedAmountSchema),
  refundAmount: receivedAmountSchema,
  channelId: receivedTextSchema,
});

export type OrderRefundData = v.InferOutput<typeof orderRefundDataSchema>;
