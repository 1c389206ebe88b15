import { alignScales } from './align-scales';
import { formatScaledDecimal } from './format-scaled-decimal';
import { parseScaledDecimal } from './parse-scaled-decimal';

/** The exact difference `a - b`, in minimal form, prefixed with '-' when b is larger. */
export function subtractAmounts(a: string, b: string): string {
  const { left, right, scale } = alignScales(parseScaledDecimal(a), parseScaledDecimal(b));
  return formatScaledDecimal({ units: left - right, scale });
}
