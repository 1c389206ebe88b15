import * as v from 'valibot';
import { refundRequestIdSchema } from '../gatepay-send-schemas';

/** Body of `POST /v1/pay/order/refund/query`: a query, but sent as a POST with a JSON body. */
export const orderRefundQueryBodySchema = v.strictObject({
  refundRequestId: refundRequestIdSchema,
});

export type OrderRefundQueryBody = v.InferInput<typeof orderRefundQueryBodySchema>;
