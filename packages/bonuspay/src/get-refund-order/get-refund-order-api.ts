import { type RefundOrderAnswer, refundOrderAnswerBodySchema } from '../api/refund-order-api';

/** `body` of a successful `crypto/refund/getOrder`; PayBy also sends `refundSummary`, BonusPay may not. */
export const getRefundOrderBodySchema = refundOrderAnswerBodySchema;

export type GetRefundOrderResponse = RefundOrderAnswer;
