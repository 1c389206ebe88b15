import { compareAmounts } from '@refunds/core';
import * as v from 'valibot';
import { gatePayAmountRules } from './gatepay-amount-rules';

const { maxDecimals, min, max } = gatePayAmountRules;
const plainAmount = new RegExp(`^\\d+(\\.\\d{1,${maxDecimals}})?$`);
const int64Max = '9223372036854775807';

/** `refundRequestId`: the merchant's refund id, unique per merchant, at most 32 characters. */
export const refundRequestIdSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(32, 'must be at most 32 characters (GatePay limit)'),
  // It is also sent as a URL query parameter; spaces and non-ASCII characters invite encoding mismatches.
  v.regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
);

/** `prepayId`: GatePay's order id, a numeric string that can exceed 2^53 (so never a JS number). */
export const prepayIdSchema = v.pipe(
  v.string('must be a string of digits (GatePay order ids exceed 2^53; never pass a number)'),
  v.regex(/^\d{1,32}$/, 'must be the GatePay order id (prepayId), a string of digits'),
);

/** A Gate UID (`receiverId`, `refundToGateUid`): an int64 sent as a JSON number, held as a digit string. */
export const gateUidSchema = v.pipe(
  v.string('must be a string of digits (Gate UIDs are int64; never pass a number)'),
  v.regex(/^[1-9]\d{0,18}$/, 'must be a Gate UID: a positive integer written as a string of digits'),
  v.check(
    (uid) => uid.length < int64Max.length || uid <= int64Max,
    `must be a Gate UID no larger than ${int64Max} (int64)`,
  ),
);

/** A refund amount: a decimal string GatePay accepts, never rounded to fit. */
export const gatePayAmountSchema = v.pipe(
  v.string('must be a decimal string such as "10.50"; JavaScript numbers cannot hold money exactly'),
  v.regex(plainAmount, `must be a plain decimal string with at most ${maxDecimals} decimal places`),
  v.check((amount) => compareAmounts(amount, min) >= 0, `must be at least ${min} (GatePay minimum)`),
  v.check((amount) => compareAmounts(amount, max) <= 0, `must be at most ${max} (GatePay maximum)`),
);

/** A currency or coin code such as `USDT` or `BTC`. */
export const currencySchema = v.pipe(
  v.string('must be a currency code such as "USDT"'),
  v.regex(/^[A-Z0-9]{1,12}$/, 'must be 1 to 12 capital letters or digits, such as "USDT"'),
);

/** `refundReason`: at most 256 characters (documented for the v1 order refund, applied to every endpoint). */
export const refundReasonSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(256, 'must be at most 256 characters (GatePay limit)'),
);
