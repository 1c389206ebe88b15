import { alignScales } from './align-scales';
import { parseScaledDecimal } from './parse-scaled-decimal';

/** Exact comparison of two decimal strings, whatever their number of decimals: '1.50' equals '1.5'. */
export function compareAmounts(a: string, b: string): -1 | 0 | 1 {
  const { left, right } = alignScales(parseScaledDecimal(a), parseScaledDecimal(b));
  if (left < right) return -1;
  return left > right ? 1 : 0;
}
