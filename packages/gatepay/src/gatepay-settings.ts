import {
  defineProviderSettings,
  type ProviderHttpSettings,
  reconciliationSettings,
  type SettingsOf,
} from '@refunds/core/kit';
import * as v from 'valibot';
import { refundReasonSchema } from './gatepay-send-schemas';
import { gatePayProductionUrl } from './gatepay-urls';

export const gatePayRefundEndpoints = ['standard', 'order', 'address', 'convert'] as const;

/**
 * Which GatePay endpoint the unified `refund` calls:
 * - `standard`: `POST /v2/standard/order/refund`, the unified V2 refund for every payment type (default);
 * - `order`: `POST /v1/pay/order/refund`, web/app/QR payments;
 * - `address`: `POST /v1/pay/address/refund`, direct address payments (needs `destination.accountId`);
 * - `convert`: `POST /v1/pay/address/refundconvert`, convert (flash-swap) address payments.
 */
export type GatePayRefundEndpoint = (typeof gatePayRefundEndpoints)[number];

const text = (rule: string) => v.pipe(v.string(rule), v.minLength(1, rule));

/**
 * Every plain setting of the low-level client, once: its rule, the environment variable it falls back to (read at
 * the first call, never at import or creation) and whether it is a secret. The host's schema, the types below and
 * the readers all come from here.
 */
const clientSettingDefinitions = {
  /** `X-GatePay-Certificate-ClientId` from the merchant console. Falls back to `GATEPAY_CLIENT_ID`. */
  clientId: {
    schema: text('clientId must be the GatePay ClientId from the merchant console'),
    environmentVariable: 'GATEPAY_CLIENT_ID',
  },
  /** The Payment API Secret Key: signs requests and verifies notifications. Falls back to `GATEPAY_SECRET_KEY`. */
  secretKey: {
    schema: text('secretKey must be the GatePay Payment API Secret Key'),
    environmentVariable: 'GATEPAY_SECRET_KEY',
    secret: true,
  },
  /** Default `https://openplatform.gateapi.io`. Falls back to `GATEPAY_BASE_URL`. */
  baseUrl: {
    schema: v.pipe(
      v.string(),
      v.url(`baseUrl must be a URL such as ${gatePayProductionUrl}`),
      v.regex(/^https?:\/\//i, `baseUrl must be an http(s) URL such as ${gatePayProductionUrl}`),
    ),
    environmentVariable: 'GATEPAY_BASE_URL',
  },
  /**
   * An institution sub-account id: calls then go to `/payment/open/institution/...` with
   * `X-GatePay-On-Behalf-Of`. Falls back to `GATEPAY_ON_BEHALF_OF`.
   */
  onBehalfOf: {
    schema: v.pipe(
      v.string(),
      v.regex(
        /^[\x21-\x7e]{1,64}$/,
        'onBehalfOf must be an institution sub-account id of 1 to 64 printable ASCII characters without spaces',
      ),
    ),
    environmentVariable: 'GATEPAY_ON_BEHALF_OF',
  },
  /**
   * Refuse responses without `X-GatePay-Signature`. Default false: no source shows that GatePay signs API
   * responses. A signature that is present is always verified.
   */
  requireSignedResponses: { schema: v.boolean() },
  /** How far a notification's `X-GatePay-Timestamp` may be from now. Default 300 000 ms (5 minutes). */
  notificationToleranceMs: { schema: v.pipe(v.number(), v.minValue(0)) },
  /** Limit for one HTTP attempt. Default 15 000 ms. */
  timeoutMs: { schema: v.pipe(v.number(), v.integer(), v.minValue(1)) },
} as const;

/** The adapter's settings: the client's, and what `createGatePay` adds. */
const gatePaySettingDefinitions = {
  ...clientSettingDefinitions,
  /** The endpoint `refund` uses unless `providerOptions.endpoint` says otherwise. Default `standard`. */
  refundEndpoint: {
    schema: v.picklist(
      gatePayRefundEndpoints,
      `refundEndpoint must be one of ${gatePayRefundEndpoints.join(', ')}`,
    ),
    environmentVariable: 'GATEPAY_REFUND_ENDPOINT',
  },
  /** Sent as `refundReason` when a request has none and the endpoint requires one. Default `Refund`. */
  defaultRefundReason: { schema: refundReasonSchema },
  /**
   * Declare `nativeIdempotency`. Default false: GatePay documents that refundRequestId "must be unique" but not
   * what it answers to a reused one. Set it only once GatePay confirms a reused id is rejected or replayed.
   */
  nativeIdempotency: { schema: v.boolean() },
  // settleWindowMs defaults to 360 000 ms (GatePay's 5-minute timestamp window plus a minute of clock skew);
  // maximumPendingMs to 86 400 000 ms (GatePay's notification schedule lasts a day).
  ...reconciliationSettings('GATEPAY'),
} as const;

/** The one declaration: the plugin's schema and secret list, the environment fallbacks and the readers. */
export const gatePaySettings = defineProviderSettings('gatepay', gatePaySettingDefinitions);

/**
 * The plain settings a host reads from its config file and the environment (not `fetch` or `hooks`). Credentials
 * are optional here because each falls back to its environment variable at the first call.
 */
export type GatePayPluginSettings = SettingsOf<typeof gatePaySettingDefinitions>;
export const gatePaySettingsSchema = gatePaySettings.schema;

/** Settings of the low-level client. Every string falls back to an environment variable, read at the first call. */
export interface GatePayClientSettings
  extends SettingsOf<typeof clientSettingDefinitions>,
    ProviderHttpSettings {}

/** Settings of `createGatePay`, the unified `refunds-v1` adapter. */
export interface GatePaySettings extends GatePayClientSettings, GatePayPluginSettings {}
