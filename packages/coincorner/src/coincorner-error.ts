import { type ErrorTableRow, RefundError } from '@refunds/core';
import { type CoinCornerErrorKey, coincornerErrorTable } from './coincorner-error-table';

export interface CoinCornerErrorContext {
  /** Whether the request could have executed a refund; a failed read executed nothing. */
  writes: boolean;
  providerCode?: string;
  providerMessage?: string;
  /** Already redacted. */
  raw?: unknown;
  /** What happened, before the table's explanation. */
  summary: string;
}

/** A `RefundError` from one row of the error table. */
export function coincornerError(key: CoinCornerErrorKey, context: CoinCornerErrorContext): RefundError {
  const row: ErrorTableRow = coincornerErrorTable[key];
  const outcome = !context.writes && row.outcome === 'unknown' ? 'rejected' : row.outcome;
  return new RefundError({
    code: row.code,
    outcome,
    retryable: outcome === 'unknown' ? false : row.retryable,
    provider: 'coincorner',
    providerCode: context.providerCode ?? key,
    providerMessage: context.providerMessage,
    raw: context.raw,
    message: `${context.summary}. ${row.description}`,
  });
}
