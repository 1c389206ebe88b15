import { compareAmounts } from './compare-amounts';

/** Exact equality of value, not of text: '10.50' equals '10.5'. */
export function isAmountEqual(a: string, b: string): boolean {
  return compareAmounts(a, b) === 0;
}
