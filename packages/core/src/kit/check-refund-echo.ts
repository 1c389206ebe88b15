import { RefundError } from '../errors/refund-error';
import { isAmountEqual } from '../money/is-amount-equal';

/** One value the provider echoes back, beside what was sent. */
export interface EchoedField {
  /** The provider's name for it, e.g. `refundRequestId`. */
  name: string;
  sent: string | bigint;
  received: string | bigint | null | undefined;
  /** `amount` compares decimals by value ('1.50' equals '1.5'); default `text`. */
  compare?: 'text' | 'amount';
  /** Whether an absent echo is a mismatch. Default false: many endpoints echo only some fields. */
  required?: boolean;
  /** Whether the message quotes the values. Default true for text, false for amounts. */
  quoted?: boolean;
}

/** Each echoed field that differs from what was sent, described for a person: `name "got" instead of "sent"`. */
export function findEchoMismatches(fields: readonly EchoedField[]): string[] {
  const mismatches: string[] = [];
  for (const field of fields) {
    const { received } = field;
    if (received === undefined || received === null || received === '') {
      if (field.required === true) mismatches.push(`no ${field.name}`);
      continue;
    }
    if (isSame(field, received)) continue;
    const show = (value: string | bigint) =>
      (field.quoted ?? field.compare !== 'amount') ? `"${value}"` : String(value);
    mismatches.push(`${field.name} ${show(received)} instead of ${show(field.sent)}`);
  }
  return mismatches;
}

export interface RefundEchoCheck {
  provider: string;
  /** The refund id asked for, named in the advice. */
  refundId: string;
  fields: readonly EchoedField[];
  /** A write answered about another refund leaves the one asked for unknown; a read is simply rejected. */
  writes: boolean;
  raw?: unknown;
  /** Words the message; default `<provider> answered about a different refund (<mismatches>)`. */
  describe?: (mismatches: readonly string[]) => string;
}

/**
 * The answer must be about this refund: same refund id, order, amount and currency. A signed answer about
 * another refund is still wrong, and after a write nothing may be reported as accepted: `unknown`, reconcile.
 */
export function checkRefundEcho(check: RefundEchoCheck): void {
  const mismatches = findEchoMismatches(check.fields);
  if (mismatches.length === 0) return;
  const said =
    check.describe?.(mismatches) ??
    `${check.provider} answered about a different refund (${mismatches.join(', ')})`;
  throw new RefundError({
    code: 'invalid_response',
    outcome: check.writes ? 'unknown' : 'rejected',
    provider: check.provider,
    raw: check.raw,
    message: check.writes
      ? `${said}. Do not resend: check refund "${check.refundId}" with getRefund.`
      : `${said}.`,
  });
}

function isSame(field: EchoedField, received: string | bigint): boolean {
  if (typeof field.sent === 'bigint' || typeof received === 'bigint') {
    const text = String(received);
    return /^-?\d+$/.test(text) && BigInt(text) === BigInt(field.sent);
  }
  if (field.compare === 'amount') {
    try {
      return isAmountEqual(received, field.sent);
    } catch {
      // Not a decimal at all: certainly not the amount sent.
      return false;
    }
  }
  return received === field.sent;
}
