import { type ErrorTableRow, RefundError } from '@refunds/core';
import type { BonusPayHead } from './api/bonuspay-envelope-api';
import { bonusPayErrorTable } from './bonuspay-error-table';

/** The table row for an answer, most specific first; undefined for an undocumented code. */
export function findBonusPayErrorRow(head: BonusPayHead): ErrorTableRow | undefined {
  const table: Readonly<Record<string, ErrorTableRow>> = bonusPayErrorTable;
  if (head.applyStatus === 'ERROR') return table['applyStatus:ERROR'];
  return (head.msg ? table[`${head.code}:${head.msg}`] : undefined) ?? table[head.code];
}

/**
 * A BonusPay error answer as a `RefundError`, through the one error table. An undocumented code after a write
 * is `unknown`: BonusPay may have created the refund, so the caller must look before sending again.
 */
export function toBonusPayError(head: BonusPayHead, context: { writes: boolean; raw: unknown }): RefundError {
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
      message: `BonusPay answered ${head.applyStatus} with the undocumented code ${label}${
        outcome === 'unknown'
          ? '; the refund may have been executed. Check it with getRefund before sending it again.'
          : '.'
      }`,
    });
  }
  // A read executes nothing, so even a server failure leaves no money in doubt.
  const outcome = row.outcome === 'unknown' && !context.writes ? 'rejected' : row.outcome;
  return new RefundError({
    code: row.code,
    outcome,
    retryable: row.retryable,
    provider: 'bonuspay',
    providerCode: head.code,
    providerMessage: head.msg ?? undefined,
    raw: context.raw,
    message: `BonusPay answered ${label}: ${row.description}${
      outcome === 'unknown'
        ? '; the refund may have been executed. Check it with getRefund before sending it again.'
        : '.'
    }`,
  });
}
