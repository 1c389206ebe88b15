import { httpStatusError, type RefundError } from '@refunds/core';
import { findErrorTableRow, refundErrorFromTable } from '@refunds/core/kit';
import * as v from 'valibot';
import { __camel__ErrorSchema } from './__name__-api';
import { __camel__ErrorTable } from './__name__-error-table';

/**
 * The RefundError for an answer __Name__ refused. A code from the table says the most (core's kit applies the
 * read/write and resend rules); anything else is read from the HTTP status, where a 5xx after a write stays
 * `unknown`.
 */
export function to__Name__Error(input: {
  status: number;
  text: string;
  writes: boolean;
  /** The request sent again a refund whose earlier attempt may have executed (`CallOptions.resend`). */
  resend?: boolean;
  raw: unknown;
}): RefundError {
  let body: unknown;
  try {
    body = JSON.parse(input.text);
  } catch {
    body = undefined;
  }
  const parsed = v.safeParse(__camel__ErrorSchema, body);
  if (!parsed.success || !findErrorTableRow(__camel__ErrorTable, parsed.output.code)) {
    return httpStatusError({
      provider: '__name__',
      status: input.status,
      writes: input.writes,
      raw: input.raw,
      ...(parsed.success ? { providerMessage: parsed.output.message ?? parsed.output.code } : {}),
    });
  }
  return refundErrorFromTable({
    provider: '__name__',
    providerName: '__Name__',
    table: __camel__ErrorTable,
    key: parsed.output.code,
    writes: input.writes,
    resend: input.resend,
    providerMessage: parsed.output.message,
    raw: input.raw,
    summary: `__Name__ refused the request (${parsed.output.code})`,
  });
}
