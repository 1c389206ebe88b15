import * as v from 'valibot';

/**
 * An id or integer GatePay may send as a string or a number. Responses are parsed through `quoteJsonNumbers`, so
 * numbers arrive as their exact digits and ids above 2^53 survive.
 */
export const receivedIdSchema = v.pipe(v.union([v.string(), v.number()]), v.transform(String));

/** An amount as GatePay sends it ("0.8", "0.01200000"): kept as the exact decimal text. */
export const receivedAmountSchema = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform(String),
  v.regex(/^\d+(\.\d+)?$/, 'must be a decimal amount'),
);

/** A text field that may be missing, null or empty. */
export const receivedTextSchema = v.nullish(v.string());
