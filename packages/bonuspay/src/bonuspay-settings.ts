import {
  defineProviderSettings,
  type ProviderHttpSettings,
  reconciliationSettings,
  type SettingsOf,
} from '@refunds/core/kit';
import * as v from 'valibot';
import type { BonusPayAsset } from './bonuspay-assets';

export type BonusPayOrderIdField = 'originMerchantOrderNo' | 'originOrderNo';

const nonEmpty = v.pipe(v.string(), v.nonEmpty());
const httpUrl = v.pipe(
  v.string(),
  v.url('must be an absolute http(s) URL'),
  v.regex(/^https?:\/\//i, 'must be an http(s) URL'),
);

/**
 * Every plain setting, once: its rule, the environment variable it falls back to (read when first needed, never
 * at import) and whether it is a secret. The host's schema, the types below and the readers all come from here.
 */
const bonusPaySettingDefinitions = {
  /** The merchant id BonusPay issued, String(12), sent as `Partner-Id`. Env: `BONUSPAY_PARTNER_ID`. */
  partnerId: {
    schema: v.pipe(
      v.string(),
      v.nonEmpty(),
      v.maxLength(12, 'Partner-Id is String(12): copy it from the merchant portal'),
      v.regex(/^\S+$/, 'must be the Partner-Id BonusPay issued, without spaces'),
    ),
    environmentVariable: 'BONUSPAY_PARTNER_ID',
  },
  /**
   * The merchant's RSA private key (PKCS#8 `BEGIN PRIVATE KEY`, or PKCS#1 `BEGIN RSA PRIVATE KEY`) whose public
   * half is uploaded to the BonusPay portal. Env: `BONUSPAY_PRIVATE_KEY`.
   */
  privateKey: { schema: nonEmpty, environmentVariable: 'BONUSPAY_PRIVATE_KEY', secret: true },
  /** BonusPay's platform public key (SPKI PEM) from the portal, to verify every answer. Env: `BONUSPAY_PLATFORM_PUBLIC_KEY`. */
  platformPublicKey: { schema: nonEmpty, environmentVariable: 'BONUSPAY_PLATFORM_PUBLIC_KEY' },
  /** Picks the base URL; default `production`. Env: `BONUSPAY_ENVIRONMENT`. */
  environment: {
    schema: v.picklist(['production', 'sandbox'], 'must be "production" or "sandbox"'),
    environmentVariable: 'BONUSPAY_ENVIRONMENT',
  },
  /** Overrides the environment's base URL (it includes the `/sgs/api` prefix). Env: `BONUSPAY_BASE_URL`. */
  baseUrl: { schema: httpUrl, environmentVariable: 'BONUSPAY_BASE_URL' },
  /** Sent as `notifyUrl` with every refund, so BonusPay posts the result there. Env: `BONUSPAY_NOTIFY_URL`. */
  notifyUrl: {
    schema: v.pipe(httpUrl, v.maxLength(200, 'notifyUrl is String(200)')),
    environmentVariable: 'BONUSPAY_NOTIFY_URL',
  },
  /**
   * Which BonusPay field `RefundRequest.orderId` fills: the merchant's order number (default) or BonusPay's own
   * `originOrderNo`. A refund can override it with `providerOptions.orderIdField`.
   */
  orderIdField: {
    schema: v.picklist(
      ['originMerchantOrderNo', 'originOrderNo'],
      'must be "originMerchantOrderNo" or "originOrderNo"',
    ),
  },
  /** `Content-Language` header, String(10); default `en`. */
  contentLanguage: {
    schema: v.pipe(
      v.string(),
      v.regex(/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})?$/, 'must be a language tag such as "en"'),
      v.maxLength(10, 'must be a language tag of at most 10 characters'),
    ),
  },
  /** Limit for one HTTP attempt; default 15 000 ms. */
  timeoutMs: { schema: v.pipe(v.number(), v.integer(), v.minValue(1)) },
  /** Replaces the asset table (precision and allowed chains); default `defaultBonusPayAssets`. */
  assets: {
    schema: v.record(
      v.pipe(v.string(), v.regex(/^[A-Z0-9]{1,12}$/, 'asset codes are 1 to 12 capital letters or digits')),
      v.object({
        decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8)),
        chains: v.pipe(v.array(nonEmpty), v.readonly()),
      }),
    ),
  },
  /**
   * Refuse merchant order numbers with characters other than letters, digits, `-` and `_`. BonusPay documents
   * that rule for `merchantOrderNo`; that it applies to refund numbers too is inferred. Default true.
   */
  restrictIdCharacters: { schema: v.boolean() },
  // settleWindowMs defaults to 300 000 ms (5 minutes: BonusPay documents no figure for getOrder's lag);
  // maximumPendingMs to 172 800 000 ms (48 hours: twice the span of BonusPay's notification retries, 2 to 900
  // minutes, about 24 hours in all).
  ...reconciliationSettings('BONUSPAY'),
} as const;

/** The one declaration: the plugin's schema and secret list, the environment fallbacks and the readers. */
export const bonusPaySettings = defineProviderSettings('bonuspay', bonusPaySettingDefinitions);

/**
 * The plain settings a host reads from its config and the environment (functions such as `fetch` and `hooks`
 * are passed in code). Every credential is optional here because it may come from its `BONUSPAY_*` variable.
 */
export type BonusPayPluginSettings = SettingsOf<typeof bonusPaySettingDefinitions>;
export const bonusPaySettingsSchema = bonusPaySettings.schema;

/** Where each setting falls back to when it is not passed to the factory. */
export const bonusPayEnvironmentVariables = bonusPaySettings.environmentVariables;

export interface BonusPaySettings extends Omit<BonusPayPluginSettings, 'assets'>, ProviderHttpSettings {
  /** Replaces the asset table (precision and allowed chains); default `defaultBonusPayAssets`. */
  assets?: Readonly<Record<string, BonusPayAsset>>;
}

/** The reconciliation hints when neither a setting nor its environment variable gives one. */
export const bonusPayReconciliationDefaults = Object.freeze({
  settleWindowMs: 5 * 60_000,
  maximumPendingMs: 48 * 3_600_000,
});
