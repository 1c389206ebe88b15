import { type ErrorTableRow, httpStatusError, RefundError, refusalOutcome } from '@refunds/core';
import * as v from 'valibot';
import { __camel__ErrorSchema } from './__name__-api';
import { __camel__ErrorTable } from './__name__-error-table';

/**
 * The RefundError for an answer __Name__ refused. A code from the table says the most; anything else is read
 * from the HTTP status, where a 5xx after a write stays `unknown`.
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
  const row: ErrorTableRow | undefined = parsed.success
    ? __camel__ErrorTable[parsed.output.code as keyof typeof __camel__ErrorTable]
    : undefined;
  if (!parsed.success || !row) {
    return httpStatusError({
      provider: '__name__',
      status: input.status,
      writes: input.writes,
      raw: input.raw,
      ...(parsed.success ? { providerMessage: parsed.output.message ?? parsed.output.code } : {}),
    });
  }
  // On a resend, a refusal the first attempt having executed would explain is `unknown`, never `rejected`.
  const outcome = refusalOutcome(row, { writes: input.writes, resend: input.resend });
  return new RefundError({
    code: row.code,
    outcome,
    ...(row.retryable === undefined ? {} : { retryable: row.retryable }),
    provider: '__name__',
    providerCode: parsed.output.code,
    providerMessage: parsed.output.message,
    raw: input.raw,
    message: `__Name__ refused the request (${parsed.output.code}): ${row.description}${outcome === 'unknown' ? ' Check it with getRefund before sending it again.' : ''}`,
  });
}
