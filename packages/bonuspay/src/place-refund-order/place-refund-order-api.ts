import * as v from 'valibot';
import type { BonusPayHead } from '../api/bonuspay-envelope-api';
import { refundOrderSchema, refundSummarySchema } from '../api/refund-order-api';

/** `body` of a successful `crypto/refund/placeOrder`. */
export const placeRefundOrderBodySchema = v.looseObject({
  refundOrder: refundOrderSchema,
  refundSummary: v.nullish(refundSummarySchema),
});

export interface PlaceRefundOrderResponse {
  head: BonusPayHead;
  body: v.InferOutput<typeof placeRefundOrderBodySchema>;
  /** The whole verified answer, redacted. */
  raw: unknown;
}
