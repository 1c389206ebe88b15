import type { ScaledDecimal } from './parse-scaled-decimal';

/** Writes an exact scaled integer in minimal form: no trailing fraction zeros, no '-0', no exponent. */
export function formatScaledDecimal({ units, scale }: ScaledDecimal): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const unsigned = fraction === '' ? integer : integer + '.' + fraction;
  return negative ? '-' + unsigned : unsigned;
}
