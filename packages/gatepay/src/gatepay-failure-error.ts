import type { RefundError } from '@refunds/core';
import { refundErrorFromTable } from '@refunds/core/kit';
import type { GatePayEnvelope } from './gatepay-envelope';
import { gatePayErrorTable } from './gatepay-error-table';

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
  // GatePay's own words go into messages and logs, so they pass the redactor like everything else.
  const providerMessage =
    context.redactText([envelope.label, envelope.errorMessage].filter((text) => text).join(': ')) ||
    undefined;
  return refundErrorFromTable({
    provider: 'gatepay',
    providerName: 'GatePay',
    table: gatePayErrorTable,
    key: providerCode,
    writes: context.writes,
    resend: context.resend,
    providerMessage,
    raw: context.raw,
    undocumentedCode: context.httpStatus >= 500 ? 'provider_unavailable' : 'declined',
    summary: `GatePay answered ${envelope.status || 'without a status'} with code ${providerCode ?? '(none)'}${providerMessage ? ` (${providerMessage})` : ''}`,
  });
}
