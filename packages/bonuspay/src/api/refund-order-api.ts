import * as v from 'valibot';
import type { BonusPayHead } from './bonuspay-envelope-api';
import { bonusPayMoneySchema } from './bonuspay-money-api';

const text = v.string();
// A field BonusPay leaves out or sends as null reads as absent.
export const optionalText = v.pipe(
  v.nullish(v.string()),
  v.transform((value) => value ?? undefined),
);

/**
 * BonusPay's RefundOrder, read leniently: unknown fields (chain data, PayBy's deviceId) are kept, and ids stay
 * strings because order numbers such as 231700000000000001 exceed 2^53.
 */
export const refundOrderSchema = v.looseObject({
  refundMerchantOrderNo: optionalText,
  /** BonusPay's id of the refund. */
  orderNo: optionalText,
  originMerchantOrderNo: optionalText,
  originOrderNo: optionalText,
  /** `CREATED`, `SUCCESS`, `FAILURE`, PayBy's `REFUNDED_SETTLED`, or a status added later (non-final). */
  status: text,
  amount: bonusPayMoneySchema,
  notifyUrl: optionalText,
  reason: optionalText,
  reserved: optionalText,
  failCode: optionalText,
  failDes: optionalText,
  chainCode: optionalText,
  refundAddress: optionalText,
});

export type RefundOrder = v.InferOutput<typeof refundOrderSchema>;

/** What the original payment was, and what can still be refunded after this refund. */
export const refundSummarySchema = v.looseObject({
  acquireAmount: v.nullish(bonusPayMoneySchema),
  remainRefundAmount: v.nullish(bonusPayMoneySchema),
});

export type RefundSummary = v.InferOutput<typeof refundSummarySchema>;

/** `body` of a successful placeOrder or getOrder; PayBy also sends `refundSummary`, BonusPay may not. */
export const refundOrderAnswerBodySchema = v.looseObject({
  refundOrder: refundOrderSchema,
  refundSummary: v.nullish(refundSummarySchema),
});

/** A verified answer about one refund. */
export interface RefundOrderAnswer {
  head: BonusPayHead;
  body: v.InferOutput<typeof refundOrderAnswerBodySchema>;
  /** The whole verified answer, redacted. */
  raw: unknown;
}
