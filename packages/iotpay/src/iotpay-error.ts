import { RefundError, type RefundErrorCode, refusalOutcome } from '@refunds/core';
import { findIotPayErrorCode } from './find-iotpay-error-code';
import { iotpayErrorTable } from './iotpay-error-table';

export interface IotPayFailure {
  /** `communication` for `retCode: FAIL`; `business` for `retCode: SUCCESS` with `resCode: FAIL`. */
  kind: 'communication' | 'business';
  /** The IOTPay operation, e.g. `refund_order`. */
  operation: string;
  /** Whether the operation could move money: a failed read executed nothing. */
  writes: boolean;
  /** The request sent again a refund whose earlier attempt may have executed (`CallOptions.resend`). */
  resend?: boolean;
  errCode?: string | null;
  /** The provider's text (`errCodeDes` or `retMsg`), already redacted. */
  message?: string | null;
  /** The redacted response. */
  raw: unknown;
}

/** The `RefundError` for a failure IOTPay reported, through the one error table. */
export function iotpayError(failure: IotPayFailure): RefundError {
  const providerCode = findIotPayErrorCode({ errCode: failure.errCode, message: failure.message });
  const row =
    providerCode !== undefined && Object.hasOwn(iotpayErrorTable, providerCode)
      ? iotpayErrorTable[providerCode as keyof typeof iotpayErrorTable]
      : undefined;
  // An undocumented failure after a write may have happened after the refund was recorded.
  const code: RefundErrorCode =
    row?.code ?? (failure.kind === 'business' ? 'declined' : 'provider_unavailable');
  const finalOutcome = refusalOutcome(row ?? { outcome: 'unknown' }, {
    writes: failure.writes,
    resend: failure.resend,
  });
  // A refusal of a resend that the first attempt having executed would explain is evidence, not failure.
  const evidenceOfExecution = row !== undefined && finalOutcome === 'unknown' && row.outcome !== 'unknown';
  const said = failure.message ? `: ${failure.message}` : '';
  const codeText = providerCode ? ` (code ${providerCode})` : '';
  // Table descriptions speak about a refund; a failed read moved no money and can simply be repeated later.
  const readAdvice = 'Nothing was changed by this query; try it again later.';
  const resendAdvice = `${row?.description} This request resent a refund whose earlier attempt may have executed, and IOTPay refuses it so when that attempt did: check the refund with getRefund, and never send it again under a new refundId.`;
  const advice =
    (evidenceOfExecution
      ? resendAdvice
      : row && !failure.writes && row.outcome === 'unknown'
        ? readAdvice
        : row?.description) ??
    (finalOutcome === 'unknown'
      ? 'IOTPay gave no documented code; the refund may have been executed. Check it with getRefund before sending it again.'
      : 'IOTPay gave no documented code; check the request and the account.');
  return new RefundError({
    code,
    outcome: finalOutcome,
    provider: 'iotpay',
    providerCode,
    providerMessage: failure.message ?? undefined,
    raw: failure.raw,
    message: `IOTPay ${failure.operation} failed${said}${codeText}. ${advice}`,
  });
}
