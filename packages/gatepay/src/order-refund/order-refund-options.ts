import * as v from 'valibot';
import {
  gatePayAmountSchema,
  prepayIdSchema,
  refundReasonSchema,
  refundRequestIdSchema,
} from '../gatepay-send-schemas';

/** Body of `POST /v1/pay/order/refund` (web, app and QR payments), in GatePay's field order. */
export const orderRefundBodySchema = v.strictObject({
  refundRequestId: refundRequestIdSchema,
  prepayId: prepayIdSchema,
  /** Cannot exceed what is left of the order; partial refunds are allowed. */
  refundAmount: gatePayAmountSchema,
  refundReason: v.optional(refundReasonSchema),
});

export type OrderRefundBody = v.InferInput<typeof orderRefundBodySchema>;
