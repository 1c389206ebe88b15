import type { ErrorTableRow, RefundError } from '@refunds/core';
import { findErrorTableRow, refundErrorFromTable } from '@refunds/core/kit';
import type { BonusPayHead } from './api/bonuspay-envelope-api';
import { bonusPayErrorTable } from './bonuspay-error-table';
import { readInvalidParameter } from './read-invalid-parameter';

export interface BonusPayErrorContext {
  /** The request could create a refund. */
  writes: boolean;
  /** The request sent again a refund whose earlier attempt may have executed. */
  resend?: boolean;
  raw: unknown;
}

/** The table key for an answer, most specific first; undefined for an undocumented code. */
export function findBonusPayErrorKey(head: BonusPayHead): string | undefined {
  if (head.applyStatus === 'ERROR') return 'applyStatus:ERROR';
  // The documented token leads the msg; anything after it (a field name, a rule) is detail.
  const token = head.msg?.split(':', 1)[0]?.trim();
  const specific = token ? `${head.code}:${token}` : undefined;
  if (findErrorTableRow(bonusPayErrorTable, specific)) return specific;
  return findErrorTableRow(bonusPayErrorTable, head.code) ? head.code : undefined;
}

/** The table row for an answer, most specific first; undefined for an undocumented code. */
export function findBonusPayErrorRow(head: BonusPayHead): ErrorTableRow | undefined {
  return findErrorTableRow(bonusPayErrorTable, findBonusPayErrorKey(head));
}

/**
 * A BonusPay error answer as a `RefundError`, through the one error table. An undocumented code after a write
 * is `unknown`: BonusPay may have created the refund, so the caller must look before sending again. On a resend,
 * a refusal that the first attempt having executed would explain (77013, 77005) is `unknown` too.
 */
export function toBonusPayError(head: BonusPayHead, context: BonusPayErrorContext): RefundError {
  const key = findBonusPayErrorKey(head);
  const label = `${head.code}${head.msg ? ` ${head.msg}` : ''}`;
  const invalid = key === undefined ? undefined : readInvalidParameter(head);
  return refundErrorFromTable({
    provider: 'bonuspay',
    table: bonusPayErrorTable,
    key,
    writes: context.writes,
    resend: context.resend,
    providerCode: head.code,
    providerMessage: head.msg ?? undefined,
    raw: context.raw,
    ...(invalid?.field === undefined
      ? {}
      : {
          field: invalid.field,
          description: `BonusPay refused ${invalid.field} (INVALID_PARAMETER): correct ${invalid.field} and send again`,
        }),
    summary:
      key === undefined
        ? `BonusPay answered ${head.applyStatus} with the undocumented code ${label}`
        : `BonusPay answered ${label}`,
    undocumented: '',
  });
}
