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

// An instant with its zone, as `toISOString` writes it or as a person types it (`2026-12-06T10:00:00Z`).
const isoInstant = (description: string) =>
  v.pipe(
    v.string(),
    v.regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/,
      'must be an ISO 8601 date or instant such as "2026-12-06" or "2026-12-06T10:00:00Z"',
    ),
    v.check((text) => !Number.isNaN(Date.parse(text)), 'must be a real date'),
    v.description(description),
  );

export const listRefundsQuerySchema = v.strictObject({
  account: v.optional(v.pipe(filterText, v.description('Only this account, e.g. "gatepay:main".'))),
  state: v.optional(v.pipe(refundStateSchema, v.description('Only refunds in this state.'))),
  orderId: v.optional(v.pipe(filterText, v.description('Only refunds of this order.'))),
  createdFrom: v.optional(isoInstant('Only refunds created at or after this instant (ISO 8601).')),
  createdTo: v.optional(isoInstant('Only refunds created before this instant (ISO 8601, exclusive).')),
  order: v.optional(
    v.pipe(
      v.picklist(['newest', 'oldest'], 'must be "newest" or "oldest"'),
      v.description('"newest" first (default) or "oldest" first, e.g. with state=needs_attention.'),
    ),
  ),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'must be a whole number from 1 to 100'),
      v.check((text) => Number(text) >= 1 && Number(text) <= 100, 'must be a whole number from 1 to 100'),
      v.description('Refunds per page, 1 to 100; default 20.'),
    ),
  ),
  cursor: v.optional(v.pipe(v.string(), v.description("The previous page's nextCursor."))),
});

export type ListRefundsQueryParameters = v.InferOutput<typeof listRefundsQuerySchema>;

const reasonSchema = v.pipe(
  v.string('must be text saying why'),
  v.trim(),
  v.minLength(1, "is required; say why, for the refund's history"),
  v.maxLength(1000, 'must be at most 1000 characters'),
  v.description("Why, in the operator's words; kept in the refund's history."),
);

export const resolveRefundBodySchema = v.pipe(
  v.strictObject({
    state: v.picklist(['succeeded', 'failed'], 'must be "succeeded" or "failed"'),
    reason: reasonSchema,
    providerRefundId: v.optional(
      v.pipe(
        v.string(),
        v.minLength(1, 'must not be empty; leave it out instead'),
        v.maxLength(128, 'must be at most 128 characters'),
        v.description("The provider's id for the refund, when the operator found it."),
      ),
    ),
  }),
  v.description('What the operator established with the provider about a refund in needs_attention.'),
);

export const resendRefundBodySchema = v.pipe(
  v.strictObject({ reason: reasonSchema }),
  v.description('Send a refund in needs_attention again under its id, if the provider shows none.'),
);

/** `GET /v1/refunds/counts`. */
export const refundCountsSchema = v.object({
  counts: v.array(v.object({ account: v.string(), state: refundStateSchema, count: v.number() })),
  byState: v.record(v.string(), v.number()),
});

export const refundEventSchema = v.object({
  id: v.string(),
  refundId: v.string(),
  type: v.string(),
  at: v.string(),
  data: v.unknown(),
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
