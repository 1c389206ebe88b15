import { type GenericSchema, type InferOutput, safeParse } from 'valibot';
import { RefundError } from '../errors/refund-error';
import type { RefundOutcome } from '../errors/refund-error-code';

/**
 * Parses and validates what a provider sent. A body we cannot read after a write leaves the refund `unknown`,
 * so the caller says which outcome applies.
 */
export function parseJsonResponse<Schema extends GenericSchema>(
  text: string,
  schema: Schema,
  context: { provider: string; outcome: RefundOutcome; raw?: unknown },
): InferOutput<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RefundError({
      code: 'invalid_response',
      outcome: context.outcome,
      provider: context.provider,
      raw: context.raw,
      message: `${context.provider} answered with a body that is not JSON (${text.length} bytes)${unknownHint(context.outcome)}`,
    });
  }
  const result = safeParse(schema, json);
  if (!result.success) {
    const problems = result.issues
      .slice(0, 5)
      .map(
        (issue) => `${issue.path?.map((item) => String(item.key)).join('.') || '(root)'}: ${issue.message}`,
      )
      .join('; ');
    throw new RefundError({
      code: 'invalid_response',
      outcome: context.outcome,
      provider: context.provider,
      raw: context.raw,
      message: `${context.provider} answered with an unexpected shape (${problems})${unknownHint(context.outcome)}`,
    });
  }
  return result.output;
}

function unknownHint(outcome: RefundOutcome): string {
  return outcome === 'unknown' ? '; the refund may have been executed. Check it with getRefund.' : '.';
}
