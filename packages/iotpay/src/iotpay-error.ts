import { RefundError, type RefundErrorCode, type RefundOutcome } from '@refunds/core';
import { findIotPayErrorCode } from './find-iotpay-error-code';
import { iotpayErrorTable } from './iotpay-error-table';

export interface IotPayFailure {
  /** `communication` for `retCode: FAIL`; `business` for `retCode: SUCCESS` with `resCode: FAIL`. */
  kind: 'communication' | 'business';
  /** The IOTPay operation, e.g. `refund_order`. */
  operation: string;
  /** Whether the operation could move money: a failed read executed nothing. */
  writes: boolean;
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
  const [code, outcome]: [RefundErrorCode, RefundOutcome] = row
    ? [row.code, row.outcome]
    : [failure.kind === 'business' ? 'declined' : 'provider_unavailable', 'unknown'];
  const finalOutcome = failure.writes ? outcome : 'rejected';
  const said = failure.message ? `: ${failure.message}` : '';
  const codeText = providerCode ? ` (code ${providerCode})` : '';
  // Table descriptions speak about a refund; a failed read moved no money and can simply be repeated later.
  const readAdvice = 'Nothing was changed by this query; try it again later.';
  const advice =
    (row && !failure.writes && row.outcome === 'unknown' ? readAdvice : row?.description) ??
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
