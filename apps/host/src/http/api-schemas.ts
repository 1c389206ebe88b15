import * as v from 'valibot';

const identifier = (description: string, maxLength: number) =>
  v.pipe(
    v.string(),
    v.minLength(1, `must not be empty`),
    v.maxLength(maxLength, `must be at most ${maxLength} characters`),
    v.regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
    v.description(description),
  );

// Amounts are strings so that no float ever touches money; the provider checks its own precision.
const decimalAmount = v.pipe(
  v.string('must be a decimal string such as "10.50", not a number: JSON numbers cannot hold money exactly'),
  v.regex(/^\d{1,18}(\.\d{1,18})?$/, 'must be a plain decimal string such as "10.50"'),
  v.description('Exact decimal amount as a string.'),
);

export const moneySchema = v.strictObject({
  amount: decimalAmount,
  currency: v.pipe(
    v.string(),
    v.regex(/^[A-Z0-9]{2,12}$/, 'must be an upper-case currency code such as "USDT"'),
  ),
});

export const createRefundBodySchema = v.pipe(
  v.strictObject({
    refundId: identifier('Your unique id for this refund; reuse it verbatim to retry.', 64),
    orderId: identifier('The paid order as the provider knows it.', 100),
    amount: moneySchema,
    account: v.optional(
      identifier('The provider account, e.g. "gatepay:main"; optional when a route resolves it.', 100),
    ),
    reason: v.optional(v.pipe(v.string(), v.maxLength(256, 'must be at most 256 characters'))),
    destination: v.optional(
      v.strictObject({
        address: v.optional(v.pipe(v.string(), v.maxLength(128))),
        network: v.optional(v.pipe(v.string(), v.maxLength(32))),
        accountId: v.optional(v.pipe(v.string(), v.maxLength(64))),
      }),
    ),
    providerOptions: v.optional(v.record(v.string(), v.unknown())),
  }),
  v.description('A refunds-v1 RefundRequest plus the account to send it to.'),
);

export type CreateRefundBody = v.InferOutput<typeof createRefundBodySchema>;

export const refundStateSchema = v.picklist([
  'sending',
  'pending',
  'succeeded',
  'failed',
  'unknown',
  'needs_attention',
]);

// Filters match ids that were validated as printable ASCII, so anything else could never match.
const filterText = v.pipe(v.string(), v.regex(/^[\x20-\x7e]*$/, 'must be printable ASCII'));

export const listRefundsQuerySchema = v.strictObject({
  account: v.optional(filterText),
  state: v.optional(refundStateSchema),
  orderId: v.optional(filterText),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'must be a whole number from 1 to 100'))),
  cursor: v.optional(v.string()),
});

export const refundViewSchema = v.object({
  refundId: v.string(),
  account: v.string(),
  provider: v.string(),
  orderId: v.string(),
  amount: moneySchema,
  state: refundStateSchema,
  providerRefundId: v.optional(v.string()),
  failure: v.optional(v.object({ code: v.string(), message: v.string() })),
  createdAt: v.string(),
  updatedAt: v.string(),
});

export const errorBodySchema = v.object({
  error: v.object({ code: v.string(), message: v.string(), field: v.optional(v.string()) }),
});
