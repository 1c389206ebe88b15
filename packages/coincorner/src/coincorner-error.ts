import type { RefundError } from '@refunds/core';
import { refundErrorFromTable } from '@refunds/core/kit';
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

/** A `RefundError` from one row of the error table, through core's outcome rules and advice. */
export function coincornerError(key: CoinCornerErrorKey, context: CoinCornerErrorContext): RefundError {
  return refundErrorFromTable({
    provider: 'coincorner',
    table: coincornerErrorTable,
    key,
    writes: context.writes,
    resend: context.resend,
    summary: context.summary,
    providerCode: context.providerCode,
    providerMessage: context.providerMessage,
    field: context.field,
    raw: context.raw,
  });
}
