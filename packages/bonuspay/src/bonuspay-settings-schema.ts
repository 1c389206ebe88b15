import * as v from 'valibot';

const nonEmpty = v.pipe(v.string(), v.nonEmpty());
const httpUrl = v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i, 'must be an http(s) URL'));

/**
 * The plain settings a host reads from its config and the environment (functions such as `fetch` and `hooks`
 * are passed in code). Every credential is optional here because it may come from its `BONUSPAY_*` variable.
 */
export const bonusPaySettingsSchema = v.object({
  partnerId: v.optional(v.pipe(v.string(), v.nonEmpty(), v.maxLength(12, 'Partner-Id is String(12)'))),
  privateKey: v.optional(nonEmpty),
  platformPublicKey: v.optional(nonEmpty),
  environment: v.optional(v.picklist(['production', 'sandbox'])),
  baseUrl: v.optional(httpUrl),
  notifyUrl: v.optional(v.pipe(httpUrl, v.maxLength(200, 'notifyUrl is String(200)'))),
  orderIdField: v.optional(v.picklist(['originMerchantOrderNo', 'originOrderNo'])),
  contentLanguage: v.optional(v.pipe(v.string(), v.nonEmpty(), v.maxLength(10))),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  assets: v.optional(
    v.record(
      v.pipe(v.string(), v.regex(/^[A-Z0-9]{1,12}$/, 'asset codes are 1 to 12 capital letters or digits')),
      v.object({
        decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8)),
        chains: v.array(nonEmpty),
      }),
    ),
  ),
  restrictIdCharacters: v.optional(v.boolean()),
  settleWindowMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  maximumPendingMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

export type BonusPayPluginSettings = v.InferOutput<typeof bonusPaySettingsSchema>;
