import * as v from 'valibot';

/** `head` of every BonusPay answer. `code` is a string ("0" on success); numbers are read as their text. */
export const bonusPayHeadSchema = v.looseObject({
  applyStatus: v.string(),
  code: v.string(),
  msg: v.nullish(v.string()),
  traceCode: v.nullish(v.string()),
});

export type BonusPayHead = v.InferOutput<typeof bonusPayHeadSchema>;

/** The envelope; `body` is present only when `applyStatus` is SUCCESS and `code` is "0". Key order varies. */
export const bonusPayEnvelopeSchema = v.looseObject({
  head: bonusPayHeadSchema,
  body: v.optional(v.unknown()),
});

export function isBonusPaySuccess(head: BonusPayHead): boolean {
  return head.applyStatus === 'SUCCESS' && head.code === '0';
}
