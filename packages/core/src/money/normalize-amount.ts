import { formatScaledDecimal } from './format-scaled-decimal';
import { parseScaledDecimal } from './parse-scaled-decimal';

/** The canonical text of an amount, so equal values compare equal as strings: '1.50' becomes '1.5'. */
export function normalizeAmount(amount: string): string {
  return formatScaledDecimal(parseScaledDecimal(amount));
}
