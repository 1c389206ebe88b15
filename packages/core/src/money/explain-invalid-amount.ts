import { describeValue } from './describe-value';
import { quoteText } from './quote-text';

/**
 * The message for a value that is not a plain decimal string. It names the first rule the value breaks, because
 * "invalid amount" alone leaves the caller guessing between a sign, a comma, a space or a number.
 */
export function explainInvalidAmount(value: unknown, field: string, allowNegative: boolean): string {
  const example = 'such as "10.50"';
  if (typeof value === 'number') {
    return `${field} must be a decimal string ${example}, got the number ${String(value)}: JavaScript numbers cannot hold money exactly`;
  }
  if (typeof value !== 'string') {
    return `${field} must be a decimal string ${example}, got ${describeValue(value)}`;
  }
  const quoted = quoteText(value);
  if (value === '') return `${field} must not be empty: send a decimal string ${example}`;
  if (/\s/.test(value)) return `${field} must not contain spaces, got ${quoted}: remove them`;
  if (value.startsWith('+')) return `${field} must not start with "+", got ${quoted}: remove the sign`;
  if (value.startsWith('-') && !allowNegative) {
    return `${field} must not be negative, got ${quoted}: send a positive decimal string ${example}`;
  }
  const sign = value.startsWith('-') ? '-' : '';
  const unsigned = value.slice(sign.length);
  if (/^[\d.]*\d[eE][+-]?\d+$/.test(unsigned)) {
    return `${field} must not use exponent notation, got ${quoted}: write out every digit, such as "1000" for "1e3"`;
  }
  if (unsigned.includes(',')) {
    return `${field} must use "." as the decimal separator and no thousands separators, got ${quoted}`;
  }
  if (/^\.\d+$/.test(unsigned)) {
    return `${field} needs a digit before the decimal point, got ${quoted}: write ${quoteText(sign + '0' + unsigned)}`;
  }
  if (/^\d+\.$/.test(unsigned)) {
    return `${field} needs digits after the decimal point, got ${quoted}: write ${quoteText(sign + unsigned.slice(0, -1))}`;
  }
  return `${field} must be a plain decimal string of digits with an optional "." and fraction ${example}, got ${quoted}`;
}
