import { type ErrorTableRow, RefundError, type RefundOutcome, refusalOutcome } from '@refunds/core';
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

/** The table row for an answer, most specific first; undefined for an undocumented code. */
export function findBonusPayErrorRow(head: BonusPayHead): ErrorTableRow | undefined {
  const table: Readonly<Record<string, ErrorTableRow>> = bonusPayErrorTable;
  if (head.applyStatus === 'ERROR') return table['applyStatus:ERROR'];
  // The documented token leads the msg; anything after it (a field name, a rule) is detail.
  const token = head.msg?.split(':', 1)[0]?.trim();
  return (token ? table[`${head.code}:${token}`] : undefined) ?? table[head.code];
}

/**
 * A BonusPay error answer as a `RefundError`, through the one error table. An undocumented code after a write
 * is `unknown`: BonusPay may have created the refund, so the caller must look before sending again. On a resend,
 * a refusal that the first attempt having executed would explain (77013, 77005) is `unknown` too.
 */
export function toBonusPayError(head: BonusPayHead, context: BonusPayErrorContext): RefundError {
  const row = findBonusPayErrorRow(head);
  const label = `${head.code}${head.msg ? ` ${head.msg}` : ''}`;
  if (row === undefined) {
    const outcome = context.writes ? 'unknown' : 'rejected';
    return new RefundError({
      code: 'declined',
      outcome,
      provider: 'bonuspay',
      providerCode: head.code,
      providerMessage: head.msg ?? undefined,
      raw: context.raw,
      message: `BonusPay answered ${head.applyStatus} with the undocumented code ${label}${consequence(outcome, false)}`,
    });
  }
  const outcome = refusalOutcome(row, context);
  const invalid = readInvalidParameter(head);
  const description =
    invalid?.field === undefined
      ? row.description
      : `BonusPay refused ${invalid.field} (INVALID_PARAMETER): correct ${invalid.field} and send again`;
  return new RefundError({
    code: row.code,
    outcome,
    retryable: row.retryable,
    provider: 'bonuspay',
    providerCode: head.code,
    providerMessage: head.msg ?? undefined,
    ...(invalid?.field === undefined ? {} : { field: invalid.field }),
    raw: context.raw,
    message: `BonusPay answered ${label}: ${description}${consequence(
      outcome,
      context.resend === true && row.mayFollowExecution === true,
    )}`,
  });
}

function consequence(outcome: RefundOutcome, evidenceOfExecution: boolean): string {
  if (evidenceOfExecution) {
    return '. This was a resend of a refund whose earlier attempt may have executed, and that attempt having executed explains this refusal: the refund is unknown, not failed. Check it with getRefund; never refund it again under a new refundId.';
  }
  return outcome === 'unknown'
    ? '; the refund may have been executed. Check it with getRefund before sending it again.'
    : '.';
}
