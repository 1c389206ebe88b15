// Far above any real currency exponent (crypto assets use up to 18), and low enough that 10^n stays cheap.
const maximumDigitCount = 36;

/**
 * Checks an exponent or a number of decimal places passed by code, not by a merchant. A bad one is a bug in the
 * caller, so it throws a RangeError rather than a RefundError that would blame the request.
 */
export function assertDigitCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > maximumDigitCount) {
    throw new RangeError(`${name} must be an integer from 0 to ${maximumDigitCount}, got ${String(value)}`);
  }
}
