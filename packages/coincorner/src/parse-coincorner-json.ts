import { parseJsonResponse, quoteJsonNumbers, type RefundOutcome } from '@refunds/core';
import type { GenericSchema, InferOutput } from 'valibot';

/** Parses a CoinCorner JSON body with every number kept as its exact text, then validates it. */
export function parseCoinCornerJson<Schema extends GenericSchema>(
  text: string,
  schema: Schema,
  context: { outcome: RefundOutcome; raw?: unknown },
): InferOutput<Schema> {
  return parseJsonResponse(quoteJsonNumbers(text), schema, { provider: 'coincorner', ...context });
}
