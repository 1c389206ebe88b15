import { type RefundOrderAnswer, refundOrderAnswerBodySchema } from '../api/refund-order-api';

/** `body` of a successful `crypto/refund/placeOrder`. */
export const placeRefundOrderBodySchema = refundOrderAnswerBodySchema;

export type PlaceRefundOrderResponse = RefundOrderAnswer;
