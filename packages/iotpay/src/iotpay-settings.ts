import type { HttpHooks } from '@refunds/core';

/** IOTPay's production API host. IOTPay has no public sandbox host: test accounts use it too. */
export const iotpayProductionUrl = 'https://api.iotpaycloud.com';

/**
 * The refund query path. IOTPay's "Query Refund" page could not be read publicly: this follows the v1 naming
 * (`create_order`, `query_order`, `refund_order`). Confirm it with IOTPay.
 */
export const iotpayDefaultRefundQueryPath = '/v1/query_refund_order';

export const iotpayCurrencies = ['CAD', 'USD'] as const;
export type IotPayCurrency = (typeof iotpayCurrencies)[number];

/** Settings of the low-level client. Every credential falls back to an environment variable, read at first use. */
export interface IotPayClientSettings {
  /** Merchant id assigned by IOTPay, e.g. "10000576". Falls back to `IOTPAY_MCH_ID`. */
  mchId?: string;
  /** The merchant key that signs requests and responses. Falls back to `IOTPAY_MERCHANT_KEY`. */
  merchantKey?: string;
  /** The merchant's login name, required by refund_order. Falls back to `IOTPAY_LOGIN_NAME`. */
  loginName?: string;
  /** The IP IOTPay records as the client of a refund. Falls back to `IOTPAY_CLIENT_IP`, then `127.0.0.1`. */
  clientIp?: string;
  /** Falls back to `IOTPAY_BASE_URL`, then https://api.iotpaycloud.com. */
  baseUrl?: string;
  /** Inferred, see `iotpayDefaultRefundQueryPath`. Falls back to `IOTPAY_REFUND_QUERY_PATH`. */
  refundQueryPath?: string;
  /**
   * Refuse a `retCode: SUCCESS` answer without `sign`. IOTPay's XxPay lineage signs every such answer, so an
   * unsigned one is treated as forged. Default true.
   */
  requireSignedResponses?: boolean;
  /** Limit for one HTTP attempt, in ms. Default 15 000. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** Observe requests and responses (already redacted). */
  hooks?: HttpHooks;
}

/** Settings of `createIotPay`, the `refunds-v1` adapter. */
export interface IotPaySettings extends IotPayClientSettings {
  /**
   * The currency getRefund reports when IOTPay's answer names none (the XxPay query model does not). Default
   * `CAD`, IOTPay's default currency; set `USD` for a USD account.
   */
  currency?: IotPayCurrency;
  /**
   * Declare that IOTPay rejects a reused mchRefundNo, so that a refund id can be resent safely. IOTPay does not
   * document it (XxPay descendants do reject duplicates): leave it false until IOTPay confirms it. Default false.
   */
  nativeIdempotency?: boolean;
  /**
   * Business error codes after which the adapter looks the refund up by mchRefundNo before failing, because
   * IOTPay may be saying that the id is already used. Default `['0014']`.
   */
  duplicateErrorCodes?: readonly string[];
  /**
   * After a lost answer, how long IOTPay's refund query may still say "does not exist" for a refund it made; the
   * host counts "not found" as evidence only after this. Falls back to `IOTPAY_SETTLE_WINDOW_MS`, then 120 000
   * (two minutes: IOTPay documents no lag).
   */
  settleWindowMs?: number;
  /**
   * How long a refund may stay pending before the host hands it to a person. Falls back to
   * `IOTPAY_MAXIMUM_PENDING_MS`, then seven days (refunds to bank cards through WeChat Pay, Alipay or UnionPay take
   * several business days).
   */
  maximumPendingMs?: number;
}
