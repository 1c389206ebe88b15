import { alignScales } from './align-scales';
import { formatScaledDecimal } from './format-scaled-decimal';
import { parseScaledDecimal } from './parse-scaled-decimal';

/** The exact sum, in minimal form: '1.5' + '1.5' is '3'. */
export function addAmounts(a: string, b: string): string {
  const { left, right, scale } = alignScales(parseScaledDecimal(a), parseScaledDecimal(b));
  return formatScaledDecimal({ units: left + right, scale });
}
