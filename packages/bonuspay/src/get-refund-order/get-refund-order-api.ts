import * as v from 'valibot';
import type { BonusPayHead } from '../api/bonuspay-envelope-api';
import { refundOrderSchema, refundSummarySchema } from '../api/refund-order-api';

/** `body` of a successful `crypto/refund/getOrder`; PayBy also sends `refundSummary`, BonusPay may not. */
export const getRefundOrderBodySchema = v.looseObject({
  refundOrder: refundOrderSchema,
  refundSummary: v.nullish(refundSummarySchema),
});

export interface GetRefundOrderResponse {
  head: BonusPayHead;
  body: v.InferOutput<typeof getRefundOrderBodySchema>;
  /** The whole verified answer, redacted. */
  raw: unknown;
}
