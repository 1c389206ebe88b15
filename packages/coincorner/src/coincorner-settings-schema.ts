import * as v from 'valibot';

// An empty credential is allowed here and means "use the environment variable", like an absent one.
const credential = v.string();

/**
 * The plain settings a host reads from its config file and the environment (not `fetch` or `hooks`). Unknown
 * keys are dropped rather than refused, so a host may keep its own keys beside them.
 */
export const coincornerSettingsSchema = v.object({
  apiKey: v.optional(credential),
  apiSecret: v.optional(credential),
  userId: v.optional(credential),
  baseUrl: v.optional(
    v.pipe(v.string(), v.url('baseUrl must be an absolute URL such as https://checkout.coincorner.com')),
  ),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  userIdCase: v.optional(v.picklist(['lowercase', 'preserve'])),
  refundType: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255))),
  amountMaxDecimals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20))),
  verifyOrderBeforeRefund: v.optional(v.boolean()),
  reconciliation: v.optional(
    v.object({
      settleWindowMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      maximumPendingMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    }),
  ),
});

export type CoinCornerPluginSettings = v.InferOutput<typeof coincornerSettingsSchema>;
