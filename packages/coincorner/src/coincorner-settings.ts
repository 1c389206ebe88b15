import type { HttpHooks } from '@refunds/core';
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
   * invoice currency, an amount above the invoice amount, or an order that is already refunding. One extra
   * request per refund. Default false.
   */
  verifyOrderBeforeRefund?: boolean;
}
