import { splitDecimal } from './split-decimal';

/** The number of fraction digits as written, trailing zeros included: '1.50' has 2. */
export function decimalPlaces(amount: string): number {
  return splitDecimal(amount).fraction.length;
}
