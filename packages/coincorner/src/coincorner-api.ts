import * as v from 'valibot';

/** An integer as it arrives after `quoteJsonNumbers`, or as a string the server chose to send. */
export const integerTextSchema = v.pipe(
  v.string(),
  v.regex(/^-?\d{1,9}$/, 'expected an integer'),
  v.transform((text) => Number.parseInt(text, 10)),
);

/** A decimal as it arrives after `quoteJsonNumbers`: the exact digits CoinCorner wrote. */
export const decimalTextSchema = v.pipe(
  v.string(),
  v.regex(/^\d+(\.\d+)?$/, 'expected a non-negative decimal'),
);

/** ASP.NET Web API's `HttpError`, CoinCorner's only error shape. */
export const coincornerErrorBodySchema = v.looseObject({
  Message: v.optional(v.nullable(v.string())),
  MessageDetail: v.optional(v.nullable(v.string())),
  ModelState: v.optional(v.unknown()),
});
