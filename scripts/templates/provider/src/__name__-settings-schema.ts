import * as v from 'valibot';

/**
 * The plain settings a host may configure (not `fetch` or hooks). Credentials are optional here because each
 * falls back to its environment variable at the first call.
 */
export const __camel__SettingsSchema = v.object({
  merchantId: v.optional(v.pipe(v.string(), v.minLength(1))),
  secretKey: v.optional(v.pipe(v.string(), v.minLength(1))),
  baseUrl: v.optional(v.pipe(v.string(), v.url('must be a URL such as https://api.__name__.example'))),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  nativeIdempotency: v.optional(v.boolean()),
});

export type __Name__PluginSettings = v.InferOutput<typeof __camel__SettingsSchema>;
