import * as v from 'valibot';
import { refundRequestIdSchema } from '../gatepay-send-schemas';

/** Query of `GET /v2/pay/refund/details`. */
export const refundDetailsQuerySchema = v.strictObject({
  refundRequestId: refundRequestIdSchema,
});

export type RefundDetailsQuery = v.InferInput<typeof refundDetailsQuerySchema>;
