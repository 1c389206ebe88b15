import * as v from 'valibot';

// Printable ASCII without spaces: IOTPay's String(n) limits count characters, servers trim spaces, and the ids
// travel unencoded inside the string to sign.
const visibleAscii = /^[\x21-\x7E]+$/;

/** An IOTPay id or text field of at most `maxLength` printable ASCII characters (the docs' String(n)). */
export function iotpayText(maxLength: number) {
  return v.pipe(
    v.string('must be a string'),
    v.minLength(1, 'must not be empty'),
    v.maxLength(maxLength, `must be at most ${maxLength} characters (IOTPay String(${maxLength}))`),
    v.regex(visibleAscii, 'must hold only printable ASCII characters without spaces'),
  );
}

/** The largest refundAmount: IOTPay documents the field as an int of cents. */
export const iotpayMaxAmountCents = 2_147_483_647n;

/** An amount in integer cents, as IOTPay's `refundAmount`: a bigint, a safe integer or a string of digits. */
export const iotpayCents = v.pipe(
  v.union(
    [v.bigint(), v.pipe(v.number(), v.safeInteger()), v.pipe(v.string(), v.regex(/^\d{1,19}$/))],
    'must be an integer count of cents (bigint, safe integer or digit string)',
  ),
  v.transform((value) => BigInt(value)),
  v.check(
    (value) => value >= 1n && value <= iotpayMaxAmountCents,
    `must be between 1 and ${iotpayMaxAmountCents} cents`,
  ),
);

/** A channel id such as WX_NATIVE or ALIPAY_QR. */
export const iotpayChannelId = v.pipe(
  v.string('must be a string'),
  v.regex(
    /^[A-Z0-9_]{1,24}$/,
    'must be an IOTPay channel id such as WX_NATIVE (capitals, digits, _; at most 24)',
  ),
);
