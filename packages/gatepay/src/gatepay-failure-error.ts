import { type ErrorTableRow, RefundError, refusalOutcome } from '@refunds/core';
import type { GatePayEnvelope } from './gatepay-envelope';
import { gatePayErrorTable } from './gatepay-error-table';

const checkFirst = '; the refund may have been executed: check it with getRefund before sending it again.';

/**
 * The RefundError for an envelope whose `status` is not `SUCCESS`, read through the error table. Its outcome depends
 * on the request as well as the code: a query executed nothing, and a resend refused for a reason its first attempt
 * having executed would explain is `unknown`.
 */
export function gatePayFailureError(
  envelope: GatePayEnvelope,
  context: {
    writes: boolean;
    resend: boolean;
    httpStatus: number;
    raw: unknown;
    redactText: (text: string) => string;
  },
): RefundError {
  const providerCode =
    envelope.code === null || envelope.code === undefined ? undefined : String(envelope.code);
  const row: ErrorTableRow | undefined =
    providerCode !== undefined && Object.hasOwn(gatePayErrorTable, providerCode)
      ? gatePayErrorTable[providerCode as keyof typeof gatePayErrorTable]
      : undefined;
  // GatePay's own words go into messages and logs, so they pass the redactor like everything else.
  const providerMessage =
    context.redactText([envelope.label, envelope.errorMessage].filter((text) => text).join(': ')) ||
    undefined;
  const said = `GatePay answered ${envelope.status || 'without a status'} with code ${providerCode ?? '(none)'}${providerMessage ? ` (${providerMessage})` : ''}`;

  if (row) {
    const outcome = refusalOutcome(row, context);
    return new RefundError({
      code: row.code,
      outcome,
      retryable: row.retryable,
      provider: 'gatepay',
      providerCode,
      providerMessage,
      raw: context.raw,
      message: `${said}: ${row.description}${outcome === 'unknown' ? checkFirst : '.'}`,
    });
  }
  // An undocumented code says nothing certain about the money, so after a write it is left to reconciliation.
  const unavailable = context.httpStatus >= 500;
  const outcome = context.writes ? 'unknown' : 'rejected';
  return new RefundError({
    code: unavailable ? 'provider_unavailable' : 'declined',
    outcome,
    provider: 'gatepay',
    providerCode,
    providerMessage,
    raw: context.raw,
    message: `${said}, a code missing from GatePay's documented table${outcome === 'unknown' ? checkFirst : '.'}`,
  });
}
