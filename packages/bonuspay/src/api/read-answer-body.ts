import { RefundError } from '@refunds/core';
import * as v from 'valibot';
import type { BonusPayAnswer } from './read-bonuspay-response';

/** Validates the verified `body` of a success against the operation's schema (lenient: unknown fields kept). */
export function readAnswerBody<Schema extends v.GenericSchema>(
  answer: BonusPayAnswer,
  schema: Schema,
  writes: boolean,
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, answer.body);
  if (result.success) return result.output;
  const problems = result.issues
    .slice(0, 5)
    .map((issue) => `${issue.path?.map((item) => String(item.key)).join('.') || 'body'}: ${issue.message}`)
    .join('; ');
  throw new RefundError({
    code: 'invalid_response',
    outcome: writes ? 'unknown' : 'rejected',
    provider: 'bonuspay',
    raw: answer.raw,
    message: `BonusPay answered SUCCESS with an unexpected body (${problems})${
      writes ? '; the refund may have been executed. Check it with getRefund before sending it again.' : '.'
    }`,
  });
}
