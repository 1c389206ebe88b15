import { assertDigitCount } from './assert-digit-count';
import { invalidAmount } from './invalid-amount';
import { quoteText } from './quote-text';
import { splitDecimal } from './split-decimal';

/**
 * The amount with exactly `decimals` fraction digits, as most provider APIs expect: ('10.5', 2) gives '10.50'.
 * Surplus trailing zeros are dropped; surplus non-zero digits throw, because rounding money silently is a bug.
 */
export function formatAmount(amount: string, decimals: number): string {
  assertDigitCount(decimals, 'decimals');
  const { negative, integer, fraction } = splitDecimal(amount);
  const dropped = fraction.slice(decimals);
  if (/[1-9]/.test(dropped)) {
    throw invalidAmount(
      'amount',
      `amount ${quoteText(amount)} has more than ${decimals} significant decimal places and will not be rounded: ` +
        `send at most ${decimals}`,
    );
  }
  const kept = fraction.slice(0, decimals).padEnd(decimals, '0');
  const unsigned = decimals === 0 ? integer : integer + '.' + kept;
  return negative && /[1-9]/.test(unsigned) ? '-' + unsigned : unsigned;
}
