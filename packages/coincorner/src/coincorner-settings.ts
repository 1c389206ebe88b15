import type { NonceSource } from '@refunds/core';
import { defineProviderSettings, type ProviderHttpSettings, type SettingsOf } from '@refunds/core/kit';
import * as v from 'valibot';

/** CoinCorner has no sandbox host: every official plugin talks to production. */
export const coincornerProductionUrl = 'https://checkout.coincorner.com';

// Any text here, an empty one meaning "use the environment variable": a host may validate its config before the
// credentials are in place. Their format is checked when they are read (`readCoinCornerSettings`).
const credential = v.string();

/**
 * Every plain setting, once: its rule, the environment variable it falls back to (read at the first call, never
 * at import) and whether it is a secret. The host's schema, the types below and the readers all come from here.
 */
const coincornerSettingDefinitions = {
  /** The account's API key (a GUID). Also authenticates webhooks. Default: `COINCORNER_API_KEY`. */
  apiKey: {
    schema: credential,
    environmentVariable: 'COINCORNER_API_KEY',
    secret: true,
  },
  /** The account's API secret. Default: `COINCORNER_API_SECRET`. */
  apiSecret: {
    schema: credential,
    environmentVariable: 'COINCORNER_API_SECRET',
    secret: true,
  },
  /** The account's user id, part of the signed message. Default: `COINCORNER_USER_ID`. */
  userId: { schema: credential, environmentVariable: 'COINCORNER_USER_ID' },
  /** Default `https://checkout.coincorner.com`; the client appends `/api/<Action>`. */
  baseUrl: {
    schema: v.pipe(
      v.string(),
      v.url('baseUrl must be an absolute URL such as https://checkout.coincorner.com'),
    ),
  },
  /** Limit for one HTTP attempt, body included. Default 15 000 ms. */
  timeoutMs: { schema: v.pipe(v.number(), v.integer(), v.minValue(1)) },
  /**
   * How the signed message is lower-cased. Default 'lowercase' (CoinCorner's documented C# sample); 'preserve'
   * keeps the user id's case like the PHP plugins. Identical for numeric user ids.
   */
  userIdCase: { schema: v.picklist(['lowercase', 'preserve']) },
  /**
   * `RefundType` sent with every refund. Its meaning is undocumented: 1 is what CoinCorner's own C# refund
   * example sends (0, `BuyNew`, is only the help page's generated sample). Default 1.
   */
  refundType: { schema: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255)) },
  /** Most decimal places accepted in a refund amount (inferred from the plugins' 8). Default 8. */
  amountMaxDecimals: { schema: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20)) },
  /**
   * Reads the order with `GetOrder` before refunding and refuses, before sending, a currency other than the
   * order's invoice currency, an amount above the invoice amount, or an order that already shows a refund.
   * RefundOrder has no currency field: CoinCorner refunds the amount in the invoice currency whatever currency
   * was meant, so without this check a 1.00 GBP refund of an order invoiced in EUR refunds 1.00 EUR. Costs one
   * extra request per refund. Default true; turn it off only if every refund's currency is checked upstream.
   */
  verifyOrderBeforeRefund: { schema: v.boolean() },
  /**
   * Overrides `coincornerReconciliationDefaults` (how long CheckOrder may lag behind RefundOrder, how long a
   * refund may stay Pending Refund before a person should look).
   */
  reconciliation: {
    schema: v.object({
      settleWindowMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      maximumPendingMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    }),
  },
} as const;

export const coincornerSettings = defineProviderSettings('coincorner', coincornerSettingDefinitions);

/**
 * The plain settings a host reads from its config file and the environment (not `fetch` or `hooks`). Unknown
 * keys are dropped rather than refused, so a host may keep its own keys beside them.
 */
export type CoinCornerPluginSettings = SettingsOf<typeof coincornerSettingDefinitions>;
export const coincornerSettingsSchema = coincornerSettings.schema;

/** What the low-level client needs. Credentials fall back to environment variables, read at the first call. */
export interface CoinCornerClientSettings
  extends Pick<
      CoinCornerPluginSettings,
      'apiKey' | 'apiSecret' | 'userId' | 'baseUrl' | 'timeoutMs' | 'userIdCase'
    >,
    ProviderHttpSettings {
  /**
   * Where nonces come from. CoinCorner refuses a nonce that is not larger than the last one it saw for the API
   * key, whoever sent it. Default: this process's memory (microseconds of the clock, bumped past the last value),
   * which is enough for one process per key. Several processes, or machines, sharing one key need one source
   * kept outside them (the refunds host keeps one in its ledger), so that none ever sends a smaller nonce, even
   * after a restart with the clock behind. A request refused for its nonce anyway is sent again, up to 3 times,
   * with a fresh one.
   */
  nonceSource?: NonceSource;
}

/** Settings of `createCoinCorner`, the unified adapter. */
export interface CoinCornerSettings
  extends CoinCornerClientSettings,
    Omit<CoinCornerPluginSettings, keyof CoinCornerClientSettings> {}
