import { assertDigitCount } from './assert-digit-count';
import { invalidAmount } from './invalid-amount';
import { parseScaledDecimal } from './parse-scaled-decimal';
import { quoteText } from './quote-text';

export interface ToMinorUnitsOptions {
  /** Names the input in the error message and `RefundError.field`; defaults to 'amount'. */
  field?: string;
  /** The largest magnitude the provider accepts; defaults to Number.MAX_SAFE_INTEGER, the most JSON can carry safely. */
  maxUnits?: bigint;
  /** Names the provider in the error (`RefundError.provider`). */
  provider?: string;
}

/**
 * The amount as an integer count of minor units (cents for exponent 2): ('10.50', 2) gives 1050n. Exact or
 * nothing: an amount finer than the currency's minor unit throws rather than being rounded.
 */
export function toMinorUnits(amount: string, exponent: number, options: ToMinorUnitsOptions = {}): bigint {
  assertDigitCount(exponent, 'exponent');
  const field = options.field ?? 'amount';
  const maxUnits = options.maxUnits ?? BigInt(Number.MAX_SAFE_INTEGER);
  if (typeof maxUnits !== 'bigint' || maxUnits < 0n) {
    throw new RangeError(`maxUnits must be a non-negative bigint, got ${String(maxUnits)}`);
  }
  const { units, scale } = parseScaledDecimal(amount, field);
  let minorUnits: bigint;
  if (scale > exponent) {
    const divisor = 10n ** BigInt(scale - exponent);
    if (units % divisor !== 0n) {
      throw invalidAmount(
        field,
        `${field} ${quoteText(amount)} has more decimal places than the currency's ${exponent}, so it cannot be ` +
          `expressed in minor units and will not be rounded: send at most ${exponent} decimal places`,
        options.provider,
      );
    }
    minorUnits = units / divisor;
  } else {
    minorUnits = units * 10n ** BigInt(exponent - scale);
  }
  const magnitude = minorUnits < 0n ? -minorUnits : minorUnits;
  if (magnitude > maxUnits) {
    throw invalidAmount(
      field,
      `${field} ${quoteText(amount)} is ${minorUnits} minor units, which does not fit the limit of ${maxUnits}: ` +
        `send a smaller amount`,
      options.provider,
    );
  }
  return minorUnits;
}
