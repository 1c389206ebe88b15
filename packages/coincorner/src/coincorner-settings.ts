import type { HttpHooks, NonceSource, ReconciliationHints } from '@refunds/core';
import type { UserIdCase } from './sign-coincorner-request';

/** CoinCorner has no sandbox host: every official plugin talks to production. */
export const coincornerProductionUrl = 'https://checkout.coincorner.com';

/** What the low-level client needs. Credentials fall back to environment variables, read at the first call. */
export interface CoinCornerClientSettings {
  /** The account's API key (a GUID). Also authenticates webhooks. Default: `COINCORNER_API_KEY`. */
  apiKey?: string;
  /** The account's API secret. Default: `COINCORNER_API_SECRET`. */
  apiSecret?: string;
  /** The account's user id, part of the signed message. Default: `COINCORNER_USER_ID`. */
  userId?: string;
  /** Default `https://checkout.coincorner.com`; the client appends `/api/<Action>`. */
  baseUrl?: string;
  /** Replaces the global `fetch`, e.g. for a proxy or a test double. */
  fetch?: typeof globalThis.fetch;
  /** Limit for one HTTP attempt, body included. Default 15 000 ms. */
  timeoutMs?: number;
  /** Observes every request and response, redacted. */
  hooks?: HttpHooks;
  /**
   * How the signed message is lower-cased. Default 'lowercase' (CoinCorner's documented C# sample); 'preserve'
   * keeps the user id's case like the PHP plugins. Identical for numeric user ids.
   */
  userIdCase?: UserIdCase;
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
export interface CoinCornerSettings extends CoinCornerClientSettings {
  /**
   * `RefundType` sent with every refund. Its meaning is undocumented: 1 is what CoinCorner's own C# refund
   * example sends (0, `BuyNew`, is only the help page's generated sample). Default 1.
   */
  refundType?: number;
  /** Most decimal places accepted in a refund amount (inferred from the plugins' 8). Default 8. */
  amountMaxDecimals?: number;
  /**
   * Reads the order with `GetOrder` before refunding and refuses, before sending, a currency other than the
   * order's invoice currency, an amount above the invoice amount, or an order that already shows a refund.
   * RefundOrder has no currency field: CoinCorner refunds the amount in the invoice currency whatever currency
   * was meant, so without this check a 1.00 GBP refund of an order invoiced in EUR refunds 1.00 EUR. Costs one
   * extra request per refund. Default true; turn it off only if every refund's currency is checked upstream.
   */
  verifyOrderBeforeRefund?: boolean;
  /**
   * Overrides `coincornerReconciliationDefaults` (how long CheckOrder may lag behind RefundOrder, how long a
   * refund may stay Pending Refund before a person should look).
   */
  reconciliation?: ReconciliationHints;
}
