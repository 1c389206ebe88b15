import { splitDecimal } from './split-decimal';

/**
 * The amount as the text of a JSON number, for the providers that want a number rather than a string in their
 * JSON body. Splice it into the JSON text yourself: passing it through `JSON.stringify` as a number would go
 * through a float and lose digits. The digits are kept as written (so '1.50000000' keeps its scale), minus
 * leading integer zeros, which JSON forbids, and never in exponent notation.
 */
export function toJsonNumberLiteral(amount: string): string {
  const { negative, integer, fraction } = splitDecimal(amount);
  const unsigned = fraction === '' ? integer : integer + '.' + fraction;
  return negative && /[1-9]/.test(unsigned) ? '-' + unsigned : unsigned;
}
