import { JsonNumberLiteral, stringifyLosslessJson } from '@refunds/core';

export type GatePayBodyValue = string | number | boolean | undefined;

const digitsOnly = /^(0|[1-9][0-9]*)$/;

/**
 * The exact JSON text that is sent and signed, built once. Fields named in `integerFields` are int64 ids
 * (`receiverId`, `refundToGateUid`) that GatePay's SDKs send as JSON numbers: they arrive here as digit strings and
 * are written digit for digit, because a JavaScript number silently changes ids above 2^53. Undefined fields are
 * left out.
 */
export function stringifyGatePayBody(
  body: Readonly<Record<string, GatePayBodyValue>>,
  integerFields: readonly string[] = [],
): string {
  const members = Object.entries(body).map(([key, value]) => [
    key,
    value !== undefined && integerFields.includes(key) ? integerLiteral(key, value) : checked(key, value),
  ]);
  return stringifyLosslessJson(Object.fromEntries(members));
}

function integerLiteral(key: string, value: GatePayBodyValue): JsonNumberLiteral {
  if (typeof value !== 'string' || !digitsOnly.test(value)) {
    throw new TypeError(`${key} must be a string of digits, got ${typeof value}: pass int64 ids as strings`);
  }
  return new JsonNumberLiteral(value);
}

function checked(key: string, value: GatePayBodyValue): GatePayBodyValue {
  // Only small enums (refundStyle, refundPayChannel...) are numbers; money is always a string.
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new TypeError(`${key} must be a string or a small integer, got ${value}`);
  }
  return value;
}
