import type { HttpHooks } from '@refunds/core';
import type { BonusPayAsset } from './bonuspay-assets';
import type { BonusPayEnvironment } from './bonuspay-environments';

export type BonusPayOrderIdField = 'originMerchantOrderNo' | 'originOrderNo';

export interface BonusPaySettings {
  /** The merchant id BonusPay issued, String(12), sent as `Partner-Id`. Env: `BONUSPAY_PARTNER_ID`. */
  partnerId?: string;
  /**
   * The merchant's RSA private key (PKCS#8 `BEGIN PRIVATE KEY`, or PKCS#1 `BEGIN RSA PRIVATE KEY`) whose public
   * half is uploaded to the BonusPay portal. Env: `BONUSPAY_PRIVATE_KEY`.
   */
  privateKey?: string;
  /** BonusPay's platform public key (SPKI PEM) from the portal, to verify every answer. Env: `BONUSPAY_PLATFORM_PUBLIC_KEY`. */
  platformPublicKey?: string;
  /** Picks the base URL; default `production`. Env: `BONUSPAY_ENVIRONMENT`. */
  environment?: BonusPayEnvironment;
  /** Overrides the environment's base URL (it includes the `/sgs/api` prefix). Env: `BONUSPAY_BASE_URL`. */
  baseUrl?: string;
  /** Sent as `notifyUrl` with every refund, so BonusPay posts the result there. Env: `BONUSPAY_NOTIFY_URL`. */
  notifyUrl?: string;
  /**
   * Which BonusPay field `RefundRequest.orderId` fills: the merchant's order number (default) or BonusPay's own
   * `originOrderNo`. A refund can override it with `providerOptions.orderIdField`.
   */
  orderIdField?: BonusPayOrderIdField;
  /** `Content-Language` header, String(10); default `en`. */
  contentLanguage?: string;
  /** Replaces the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Limit for one HTTP attempt; default 15 000 ms. */
  timeoutMs?: number;
  /** Observes requests, responses and errors, already redacted. */
  hooks?: HttpHooks;
  /** Replaces the asset table (precision and allowed chains); default `defaultBonusPayAssets`. */
  assets?: Readonly<Record<string, BonusPayAsset>>;
  /**
   * Refuse merchant order numbers with characters other than letters, digits, `-` and `_`. BonusPay documents
   * that rule for `merchantOrderNo`; that it applies to refund numbers too is inferred. Default true.
   */
  restrictIdCharacters?: boolean;
  /**
   * How long BonusPay's getOrder may not show a refund after placeOrder executed it: after a lost answer, "does
   * not exist" counts as evidence only from this long after the last send. BonusPay documents no figure.
   * Default 300 000 ms (5 minutes). Env: `BONUSPAY_SETTLE_WINDOW_MS`.
   */
  settleWindowMs?: number;
  /**
   * How long a refund may stay pending (CREATED, REFUNDED_SETTLED) before a person should look at it. Default
   * 172 800 000 ms (48 hours): twice the span of BonusPay's notification retries (2 to 900 minutes, about 24
   * hours in all). Env: `BONUSPAY_MAXIMUM_PENDING_MS`.
   */
  maximumPendingMs?: number;
}

/** Where each setting falls back to when it is not passed to the factory. */
export const bonusPayEnvironmentVariables = Object.freeze({
  partnerId: 'BONUSPAY_PARTNER_ID',
  privateKey: 'BONUSPAY_PRIVATE_KEY',
  platformPublicKey: 'BONUSPAY_PLATFORM_PUBLIC_KEY',
  environment: 'BONUSPAY_ENVIRONMENT',
  baseUrl: 'BONUSPAY_BASE_URL',
  notifyUrl: 'BONUSPAY_NOTIFY_URL',
  settleWindowMs: 'BONUSPAY_SETTLE_WINDOW_MS',
  maximumPendingMs: 'BONUSPAY_MAXIMUM_PENDING_MS',
});

/** The reconciliation hints when neither a setting nor its environment variable gives one. */
export const bonusPayReconciliationDefaults = Object.freeze({
  settleWindowMs: 5 * 60_000,
  maximumPendingMs: 48 * 3_600_000,
});
