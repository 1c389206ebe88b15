import { assertDigitCount } from './assert-digit-count';
import { describeValue } from './describe-value';
import { formatScaledDecimal } from './format-scaled-decimal';
import { invalidAmount } from './invalid-amount';

/**
 * The decimal string for an integer count of minor units: (1050n, 2) gives '10.5', in minimal form. A number is
 * accepted only while it is a safe integer, since beyond that it may already have lost digits.
 */
export function fromMinorUnits(units: bigint | string | number, exponent: number): string {
  assertDigitCount(exponent, 'exponent');
  return formatScaledDecimal({ units: readUnits(units), scale: exponent });
}

function readUnits(units: unknown): bigint {
  if (typeof units === 'bigint') return units;
  if (typeof units === 'number' && Number.isSafeInteger(units)) return BigInt(units);
  if (typeof units === 'string' && /^-?\d+$/.test(units)) return BigInt(units);
  const rule =
    typeof units === 'number'
      ? 'a number must be a safe integer, because larger or fractional numbers may have lost digits'
      : 'a string must hold only digits with an optional leading "-"';
  throw invalidAmount(
    'units',
    `units must be an integer count of minor units as a bigint, a digit string or a safe integer; ${rule}, ` +
      `got ${describeValue(units)}`,
  );
}
