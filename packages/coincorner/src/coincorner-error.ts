import { type ErrorTableRow, RefundError, refusalOutcome } from '@refunds/core';
import { type CoinCornerErrorKey, coincornerErrorTable } from './coincorner-error-table';

export interface CoinCornerErrorContext {
  /** Whether the request could have executed a refund; a failed read executed nothing. */
  writes: boolean;
  /** The request sends again a refund whose earlier attempt may have executed (`CallOptions.resend`). */
  resend?: boolean | undefined;
  providerCode?: string;
  providerMessage?: string;
  /** The request field the refusal is about. */
  field?: string;
  /** Already redacted. */
  raw?: unknown;
  /** What happened, before the table's explanation. */
  summary: string;
}

/** A `RefundError` from one row of the error table. */
export function coincornerError(key: CoinCornerErrorKey, context: CoinCornerErrorContext): RefundError {
  const row: ErrorTableRow = coincornerErrorTable[key];
  const outcome = refusalOutcome(row, { writes: context.writes, resend: context.resend });
  const evidence =
    outcome === 'unknown' && row.outcome !== 'unknown'
      ? ' On a resend this refusal is evidence that the earlier attempt executed: reconcile with getRefund, do not record it as failed.'
      : '';
  return new RefundError({
    code: row.code,
    outcome,
    retryable: outcome === 'unknown' ? false : row.retryable,
    provider: 'coincorner',
    providerCode: context.providerCode ?? key,
    providerMessage: context.providerMessage,
    field: context.field,
    raw: context.raw,
    message: `${context.summary}. ${row.description}${evidence}`,
  });
}
