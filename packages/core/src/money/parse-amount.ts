import { assertDigitCount } from './assert-digit-count';
import { compareAmounts } from './compare-amounts';
import { explainInvalidAmount } from './explain-invalid-amount';
import { invalidAmount } from './invalid-amount';
import { quoteText } from './quote-text';

export interface ParseAmountOptions {
  /** Names the input in error messages and `RefundError.field`; defaults to 'amount'. */
  field?: string;
  /** Most significant fraction digits allowed; surplus trailing zeros are trimmed to this instead of refused. */
  maxDecimals?: number;
  /** Smallest amount allowed, inclusive, as a decimal string. */
  min?: string;
  /** Largest amount allowed, inclusive, as a decimal string. */
  max?: string;
  /** Zero is refused unless this is true: a zero refund is almost always a bug upstream. */
  allowZero?: boolean;
  /** Most digits allowed before the decimal point, after leading zeros are removed. */
  maxIntegerDigits?: number;
  /** Names the provider in the error (`RefundError.provider`), so a refusal says whose rule it is. */
  provider?: string;
}

const plainDecimal = /^(\d+)(?:\.(\d+))?$/;

/**
 * Validates an amount received from outside (a merchant's request) and returns it normalized: redundant
 * leading zeros go ('007.1' gives '7.1'), the fraction is kept as written ('1.50' stays '1.50'). Only a plain
 * decimal string is accepted; numbers are refused because they may already have lost digits.
 * Every refusal is a RefundError `invalid_request` / `not_sent` naming the field and the rule.
 */
export function parseAmount(value: unknown, options: ParseAmountOptions = {}): string {
  const field = options.field ?? 'amount';
  checkOptions(options);
  const match = typeof value === 'string' ? plainDecimal.exec(value) : null;
  if (typeof value !== 'string' || match === null) {
    throw invalidAmount(field, explainInvalidAmount(value, field, false), options.provider);
  }
  const [, writtenInteger = '', writtenFraction = ''] = match;
  const integer = writtenInteger.replace(/^0+(?=\d)/, '');
  let fraction = writtenFraction;
  const quoted = quoteText(value);

  if (options.allowZero !== true && !/[1-9]/.test(integer + fraction)) {
    throw invalidAmount(
      field,
      `${field} must be greater than zero, got ${quoted}: send a positive amount`,
      options.provider,
    );
  }
  if (options.maxDecimals !== undefined && fraction.length > options.maxDecimals) {
    const significant = fraction.replace(/0+$/, '');
    if (significant.length > options.maxDecimals) {
      throw invalidAmount(
        field,
        `${field} has ${significant.length} significant decimal places, more than the ${options.maxDecimals} allowed, ` +
          `got ${quoted}: it will not be rounded, send at most ${options.maxDecimals} decimal places`,
        options.provider,
      );
    }
    // Only zeros are cut, so the value is unchanged and the result honours maxDecimals as written.
    fraction = fraction.slice(0, options.maxDecimals);
  }
  if (options.maxIntegerDigits !== undefined && integer.length > options.maxIntegerDigits) {
    throw invalidAmount(
      field,
      `${field} has ${integer.length} digits before the decimal point, more than the ${options.maxIntegerDigits} ` +
        `allowed, got ${quoted}: send a smaller amount`,
      options.provider,
    );
  }
  const amount = fraction === '' ? integer : integer + '.' + fraction;
  if (options.min !== undefined && compareAmounts(amount, options.min) < 0) {
    throw invalidAmount(
      field,
      `${field} must be at least ${options.min}, got ${quoted}: send a larger amount`,
      options.provider,
    );
  }
  if (options.max !== undefined && compareAmounts(amount, options.max) > 0) {
    throw invalidAmount(
      field,
      `${field} must be at most ${options.max}, got ${quoted}: send a smaller amount`,
      options.provider,
    );
  }
  return amount;
}

// Bad options are a bug in the calling code, not in the request, hence RangeError rather than RefundError.
function checkOptions(options: ParseAmountOptions): void {
  if (options.maxDecimals !== undefined) assertDigitCount(options.maxDecimals, 'maxDecimals');
  const { maxIntegerDigits } = options;
  if (maxIntegerDigits !== undefined && (!Number.isSafeInteger(maxIntegerDigits) || maxIntegerDigits < 1)) {
    throw new RangeError(`maxIntegerDigits must be a positive integer, got ${String(maxIntegerDigits)}`);
  }
  for (const bound of ['min', 'max'] as const) {
    const limit = options[bound];
    if (limit !== undefined && (typeof limit !== 'string' || !plainDecimal.test(limit))) {
      throw new RangeError(`${bound} must be a plain decimal string such as "10.50", got ${String(limit)}`);
    }
  }
  if (
    options.min !== undefined &&
    options.max !== undefined &&
    compareAmounts(options.min, options.max) > 0
  ) {
    throw new RangeError(`min ${options.min} must not be greater than max ${options.max}`);
  }
}
