import * as v from 'valibot';
import { iotpayCurrencies } from './iotpay-settings';

const text = (maxLength: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(maxLength));

/**
 * The plain settings a host may configure (not `fetch` or hooks). Credentials are optional here because each
 * falls back to its environment variable at the first call.
 */
export const iotpaySettingsSchema = v.object({
  mchId: v.optional(text(30)),
  merchantKey: v.optional(v.pipe(v.string(), v.minLength(1))),
  loginName: v.optional(text(32)),
  clientIp: v.optional(text(32)),
  baseUrl: v.optional(v.pipe(v.string(), v.url('must be a URL such as https://api.iotpaycloud.com'))),
  refundQueryPath: v.optional(v.pipe(v.string(), v.startsWith('/', 'must start with "/"'))),
  currency: v.optional(v.picklist(iotpayCurrencies)),
  requireSignedResponses: v.optional(v.boolean()),
  nativeIdempotency: v.optional(v.boolean()),
  duplicateErrorCodes: v.optional(v.array(v.pipe(v.string(), v.regex(/^\d{4}$/)))),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  settleWindowMs: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  maximumPendingMs: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
});

export type IotPayPluginSettings = v.InferOutput<typeof iotpaySettingsSchema>;
