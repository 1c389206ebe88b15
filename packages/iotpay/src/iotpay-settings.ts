import {
  defineProviderSettings,
  type ProviderHttpSettings,
  reconciliationSettings,
  type SettingsOf,
} from '@refunds/core/kit';
import * as v from 'valibot';

/** IOTPay's production API host. IOTPay has no public sandbox host: test accounts use it too. */
export const iotpayProductionUrl = 'https://api.iotpaycloud.com';

/**
 * The refund query path. IOTPay's "Query Refund" page could not be read publicly: this follows the v1 naming
 * (`create_order`, `query_order`, `refund_order`). Confirm it with IOTPay.
 */
export const iotpayDefaultRefundQueryPath = '/v1/query_refund_order';

export const iotpayCurrencies = ['CAD', 'USD'] as const;
export type IotPayCurrency = (typeof iotpayCurrencies)[number];

const text = (maxLength: number) =>
  v.pipe(v.string(), v.minLength(1), v.maxLength(maxLength, `must be at most ${maxLength} characters`));

/**
 * Every plain setting of the low-level client, once: its rule, the environment variable it falls back to (read at
 * first use, never at import) and whether it is a secret. The host's schema, the types below and the readers all
 * come from here.
 */
const clientSettingDefinitions = {
  /** Merchant id assigned by IOTPay, e.g. "10000576". Falls back to `IOTPAY_MCH_ID`. */
  mchId: { schema: text(30), environmentVariable: 'IOTPAY_MCH_ID' },
  /** The merchant key that signs requests and responses. Falls back to `IOTPAY_MERCHANT_KEY`. */
  merchantKey: {
    schema: v.pipe(v.string(), v.minLength(1)),
    environmentVariable: 'IOTPAY_MERCHANT_KEY',
    secret: true,
  },
  /** The merchant's login name, required by refund_order. Falls back to `IOTPAY_LOGIN_NAME`. */
  loginName: { schema: text(32), environmentVariable: 'IOTPAY_LOGIN_NAME' },
  /** The IP IOTPay records as the client of a refund. Falls back to `IOTPAY_CLIENT_IP`, then `127.0.0.1`. */
  clientIp: { schema: text(32), environmentVariable: 'IOTPAY_CLIENT_IP' },
  /** Falls back to `IOTPAY_BASE_URL`, then https://api.iotpaycloud.com. */
  baseUrl: {
    schema: v.pipe(v.string(), v.url(`must be a URL such as ${iotpayProductionUrl}`)),
    environmentVariable: 'IOTPAY_BASE_URL',
  },
  /** Inferred, see `iotpayDefaultRefundQueryPath`. Falls back to `IOTPAY_REFUND_QUERY_PATH`. */
  refundQueryPath: {
    schema: v.pipe(v.string(), v.regex(/^\/\S*$/, 'must start with "/", e.g. /v1/query_refund_order')),
    environmentVariable: 'IOTPAY_REFUND_QUERY_PATH',
  },
  /**
   * Refuse a `retCode: SUCCESS` answer without `sign`. IOTPay's XxPay lineage signs every such answer, so an
   * unsigned one is treated as forged. Default true.
   */
  requireSignedResponses: { schema: v.boolean() },
  /** Limit for one HTTP attempt, in ms. Default 15 000. */
  timeoutMs: { schema: v.pipe(v.number(), v.integer(), v.minValue(1)) },
} as const;

/** The adapter's settings: the client's, and what `createIotPay` adds. */
const iotpaySettingDefinitions = {
  ...clientSettingDefinitions,
  /**
   * The currency getRefund reports when IOTPay's answer names none (the XxPay query model does not). Default
   * `CAD`, IOTPay's default currency; set `USD` for a USD account.
   */
  currency: { schema: v.picklist(iotpayCurrencies) },
  /**
   * Declare that IOTPay rejects a reused mchRefundNo, so that a refund id can be resent safely. IOTPay does not
   * document it (XxPay descendants do reject duplicates): leave it false until IOTPay confirms it. Default false.
   */
  nativeIdempotency: { schema: v.boolean() },
  /**
   * Business error codes after which the adapter looks the refund up by mchRefundNo before failing, because
   * IOTPay may be saying that the id is already used. Default `['0014']`.
   */
  duplicateErrorCodes: { schema: v.pipe(v.array(v.pipe(v.string(), v.regex(/^\d{4}$/))), v.readonly()) },
  // settleWindowMs defaults to two minutes (IOTPay documents no lag); maximumPendingMs to seven days (refunds to
  // bank cards through WeChat Pay, Alipay or UnionPay take several business days).
  ...reconciliationSettings('IOTPAY'),
} as const;

/** The one declaration: the plugin's schema and secret list, the environment fallbacks and the readers. */
export const iotpaySettings = defineProviderSettings('iotpay', iotpaySettingDefinitions);

/** The plain settings a host may configure (not `fetch` or hooks), as its config file holds them. */
export type IotPayPluginSettings = SettingsOf<typeof iotpaySettingDefinitions>;
export const iotpaySettingsSchema = iotpaySettings.schema;

/** Settings of the low-level client. Every credential falls back to an environment variable, read at first use. */
export interface IotPayClientSettings
  extends SettingsOf<typeof clientSettingDefinitions>,
    ProviderHttpSettings {}

/** Settings of `createIotPay`, the `refunds-v1` adapter. */
export interface IotPaySettings extends IotPayClientSettings, IotPayPluginSettings {}
