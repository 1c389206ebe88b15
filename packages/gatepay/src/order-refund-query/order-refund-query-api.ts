import * as v from 'valibot';
import { receivedAmountSchema, receivedIdSchema, receivedTextSchema } from '../gatepay-receive-schemas';

/**
 * `data` of `/v1/pay/order/refund/query`. `refundStatus` is documented as `SUCCESS` or `FAIL`; whether an
 * in-progress value exists is unknown, so anything else is read as still pending.
 */
export const orderRefundQueryDataSchema = v.looseObject({
  refundRequestId: receivedIdSchema,
  prepayId: v.optional(receivedIdSchema),
  orderAmount: v.optional(receivedAmountSchema),
  refundAmount: receivedAmountSchema,
  refundStatus: receivedTextSchema,
  channelId: receivedTextSchema,
});

export type OrderRefundQueryData = v.InferOutput<typeof orderRefundQueryDataSchema>;
