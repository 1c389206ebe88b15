import { describeValue } from './describe-value';
import { invalidAmount } from './invalid-amount';
import type { Money } from './money';
import { type ParseAmountOptions, parseAmount } from './parse-amount';
import { quoteText } from './quote-text';

export interface ParseMoneyOptions extends ParseAmountOptions {
  /** Currency codes accepted; any other is refused with the list in the message. */
  currencies?: readonly string[];
}

// ISO 4217 codes are three letters, but crypto tickers (USDT, BTC, 1INCH) are longer and may hold digits.
const currencyCode = /^[A-Z0-9]{1,12}$/;

/**
 * Validates `{ amount, currency }` received from outside. The amount follows `parseAmount`'s rules and options;
 * errors name `<field>.amount` or `<field>.currency`, where `field` defaults to 'amount' as in the refund request.
 * Returns a new object holding only those two properties.
 */
export function parseMoney(value: unknown, options: ParseMoneyOptions = {}): Money {
  const field = options.field ?? 'amount';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidAmount(
      field,
      `${field} must be an object such as {"amount":"10.50","currency":"EUR"}, got ${describeValue(value)}`,
      options.provider,
    );
  }
  const input = value as Record<string, unknown>;
  const amount = parseAmount(input.amount, { ...options, field: field + '.amount' });
  return {
    amount,
    currency: parseCurrency(input.currency, field + '.currency', options.currencies, options.provider),
  };
}

function parseCurrency(
  value: unknown,
  field: string,
  currencies: readonly string[] | undefined,
  provider: string | undefined,
): string {
  if (typeof value !== 'string' || value === '') {
    throw invalidAmount(
      field,
      `${field} must be a currency code such as "EUR", got ${describeValue(value)}`,
      provider,
    );
  }
  if (!currencyCode.test(value)) {
    const upper = value.toUpperCase();
    const hint = currencyCode.test(upper) ? `: write it in capitals, ${quoteText(upper)}` : '';
    throw invalidAmount(
      field,
      `${field} must be 1 to 12 capital letters or digits such as "EUR", got ${quoteText(value)}${hint}`,
      provider,
    );
  }
  if (currencies !== undefined && !currencies.includes(value)) {
    throw invalidAmount(
      field,
      `${field} ${quoteText(value)} is not supported here: use one of ${currencies.join(', ')}`,
      provider,
    );
  }
  return value;
}
