import type { RefundError } from '@refunds/core';
import { findErrorTableRow, refundErrorFromTable } from '@refunds/core/kit';
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

/** The `RefundError` for a failure IOTPay reported, through the one error table and core's outcome rules. */
export function iotpayError(failure: IotPayFailure): RefundError {
  const providerCode = findIotPayErrorCode({ errCode: failure.errCode, message: failure.message });
  const row = findErrorTableRow(iotpayErrorTable, providerCode);
  return refundErrorFromTable({
    provider: 'iotpay',
    table: iotpayErrorTable,
    key: providerCode,
    writes: failure.writes,
    resend: failure.resend,
    providerMessage: failure.message ?? undefined,
    raw: failure.raw,
    // An undocumented failure after a write may have happened after the refund was recorded.
    undocumentedCode: failure.kind === 'business' ? 'declined' : 'provider_unavailable',
    summary: `IOTPay ${failure.operation} failed${failure.message ? `: ${failure.message}` : ''}${providerCode ? ` (code ${providerCode})` : ''}`,
    // Table descriptions speak about a refund; a failed read moved no money and can simply be repeated later.
    ...(row?.outcome === 'unknown' && !failure.writes
      ? { description: 'Nothing was changed by this query; try it again later.' }
      : {}),
    undocumented: failure.writes
      ? '. IOTPay gave no documented code'
      : '. IOTPay gave no documented code; check the request and the account',
  });
}
