import type { BonusPayHead } from './api/bonuspay-envelope-api';

export interface InvalidParameter {
  /** BonusPay's name of the field or header at fault, when the answer names one (`chainCode`, `amount.amount`). */
  field?: string;
  /** What BonusPay said about it, when it said more than INVALID_PARAMETER. */
  rule?: string;
}

const detailed = /^INVALID_PARAMETER\s*:\s*(.*)$/s;
const namedField = /^([A-Za-z][A-Za-z0-9_.-]*)\s*:\s*(.+)$/s;

/**
 * Reads a `400 INVALID_PARAMETER` answer. BonusPay's msg starts with that documented token and may go on to
 * name the field and the rule (`INVALID_PARAMETER: chainCode: is required for a chain payment`); undefined for
 * any other answer.
 */
export function readInvalidParameter(head: BonusPayHead): InvalidParameter | undefined {
  const msg = head.msg?.trim();
  if (head.code !== '400' || msg === undefined || !msg.startsWith('INVALID_PARAMETER')) return undefined;
  const detail = detailed.exec(msg)?.[1]?.trim();
  if (!detail) return {};
  const named = namedField.exec(detail);
  return named ? { field: named[1], rule: named[2]?.trim() } : { rule: detail };
}
