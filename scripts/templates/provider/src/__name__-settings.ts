import { defineProviderSettings, type ProviderHttpSettings, type SettingsOf } from '@refunds/core/kit';
import * as v from 'valibot';

/** __Name__'s API host. TODO: the production URL from __Name__'s documentation. */
export const __camel__ProductionUrl = 'https://api.__name__.example';

/**
 * Every plain setting, once: its rule, the environment variable it falls back to (read at the first call, never
 * at import) and whether it is a secret. The host's schema, the types below and the readers all come from here.
 */
const __camel__SettingDefinitions = {
  /** The merchant id __Name__ assigned. Falls back to `__ENV___MERCHANT_ID`. */
  merchantId: { schema: v.pipe(v.string(), v.minLength(1)), environmentVariable: '__ENV___MERCHANT_ID' },
  /** The secret that signs requests and verifies answers. Falls back to `__ENV___SECRET_KEY`. */
  secretKey: {
    schema: v.pipe(v.string(), v.minLength(1)),
    environmentVariable: '__ENV___SECRET_KEY',
    secret: true,
  },
  /** Falls back to `__ENV___BASE_URL`, then the production URL. */
  baseUrl: {
    schema: v.pipe(v.string(), v.url('must be a URL such as https://api.__name__.example')),
    environmentVariable: '__ENV___BASE_URL',
  },
  /** Limit for one HTTP attempt, in ms. Default 15 000. */
  timeoutMs: { schema: v.pipe(v.number(), v.integer(), v.minValue(1)) },
  /**
   * Whether __Name__ rejects or replays a reused refund id, so that resending one cannot pay twice. TODO: confirm
   * with __Name__; the sandbox replays. Default true.
   */
  nativeIdempotency: { schema: v.boolean() },
} as const;

/** The one declaration: the plugin's schema and secret list, the environment fallbacks and the readers. */
export const __camel__Settings = defineProviderSettings('__name__', __camel__SettingDefinitions);

/** The plain settings a host may configure (not `fetch` or hooks), every one optional. */
export type __Name__PluginSettings = SettingsOf<typeof __camel__SettingDefinitions>;
export const __camel__SettingsSchema = __camel__Settings.schema;

/** Settings of the low-level client and of `create__Name__`, the `refunds-v1` adapter. */
export interface __Name__Settings extends __Name__PluginSettings, ProviderHttpSettings {}

/** The client takes the same settings as the adapter. */
export type __Name__ClientSettings = __Name__Settings;
