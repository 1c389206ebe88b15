import { invalidRequest, type Money, parseMoney, RefundError, type RefundRequest } from '@refunds/core';
import type { BitcoinAddressCheck } from '../bitcoin-address/parse-bitcoin-address';
import { coincornerLimits } from '../coincorner-limits';
import { parseOutgoing } from '../parse-outgoing';
import { checkRefundDestination } from './check-refund-destination';
import { coincornerProviderOptionsSchema } from './coincorner-provider-options';

export interface ValidatedRefund {
  refundId: string;
  orderId: string;
  amount: Money;
  address: string;
  refundType: number;
}

const provider = 'coincorner';
const controlCharacter = /\p{Cc}/u;

/** Everything checked before a byte is sent; each refusal names the field and the rule (`not_sent`). */
export function validateRefundRequest(
  request: RefundRequest,
  options: { amountMaxDecimals: number; refundType: number },
  parseBitcoinAddress: (address: string) => BitcoinAddressCheck,
): ValidatedRefund {
  if (typeof request !== 'object' || request === null) {
    throw invalidRequest(
      'request',
      'the refund request must be an object with refundId, orderId and amount',
      provider,
    );
  }
  const refundId = checkId(request.refundId, 'refundId', coincornerLimits.refundIdMaxLength);
  const orderId = checkId(request.orderId, 'orderId', coincornerLimits.orderIdMaxLength);
  const amount = checkAmount(request.amount, options.amountMaxDecimals);
  const address = checkRefundDestination(request.destination, parseBitcoinAddress);
  const providerOptions = parseOutgoing(
    coincornerProviderOptionsSchema,
    request.providerOptions ?? {},
    'providerOptions',
  );
  return { refundId, orderId, amount, address, refundType: providerOptions.refundType ?? options.refundType };
}

function checkId(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value === '') {
    throw invalidRequest(field, `${field} must be a non-empty string`, provider);
  }
  if (value.length > maxLength) {
    throw invalidRequest(
      field,
      `${field} must be at most ${maxLength} characters, got ${value.length}`,
      provider,
    );
  }
  if (controlCharacter.test(value) || value.trim() !== value) {
    throw invalidRequest(
      field,
      `${field} must not contain control characters or surrounding spaces`,
      provider,
    );
  }
  return value;
}

function checkAmount(value: unknown, maxDecimals: number): Money {
  let amount: Money;
  try {
    amount = parseMoney(value, { maxDecimals, maxIntegerDigits: coincornerLimits.amountMaxIntegerDigits });
  } catch (error) {
    // Core's money errors name the field and the rule but not the provider.
    if (RefundError.isInstance(error)) throw invalidRequest(error.field ?? 'amount', error.message, provider);
    throw error;
  }
  if (!/^[A-Z]{3}$/.test(amount.currency)) {
    throw invalidRequest(
      'amount.currency',
      `amount.currency must be the order's three-letter invoice currency such as "GBP", got "${amount.currency}": ` +
        'CoinCorner refunds in the currency the order was invoiced in',
      provider,
    );
  }
  return amount;
}
