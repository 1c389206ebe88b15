import type { HttpHooks } from '@refunds/core';

export const gatePayRefundEndpoints = ['standard', 'order', 'address', 'convert'] as const;

/**
 * Which GatePay endpoint the unified `refund` calls:
 * - `standard`: `POST /v2/standard/order/refund`, the unified V2 refund for every payment type (default);
 * - `order`: `POST /v1/pay/order/refund`, web/app/QR payments;
 * - `address`: `POST /v1/pay/address/refund`, direct address payments (needs `destination.accountId`);
 * - `convert`: `POST /v1/pay/address/refundconvert`, convert (flash-swap) address payments.
 */
export type GatePayRefundEndpoint = (typeof gatePayRefundEndpoints)[number];

/** Settings of the low-level client. Every string falls back to an environment variable, read at the first call. */
export interface GatePayClientSettings {
  /** `X-GatePay-Certificate-ClientId` from the merchant console. Falls back to `GATEPAY_CLIENT_ID`. */
  clientId?: string;
  /** The Payment API Secret Key: signs requests and verifies notifications. Falls back to `GATEPAY_SECRET_KEY`. */
  secretKey?: string;
  /** Default `https://openplatform.gateapi.io`. Falls back to `GATEPAY_BASE_URL`. */
  baseUrl?: string;
  /**
   * An institution sub-account id: calls then go to `/payment/open/institution/...` with
   * `X-GatePay-On-Behalf-Of`. Falls back to `GATEPAY_ON_BEHALF_OF`.
   */
  onBehalfOf?: string;
  /**
   * Refuse responses without `X-GatePay-Signature`. Default false: no source shows that GatePay signs API
   * responses. A signature that is present is always verified.
   */
  requireSignedResponses?: boolean;
  /** How far a notification's `X-GatePay-Timestamp` may be from now. Default 300 000 ms (5 minutes). */
  notificationToleranceMs?: number;
  /** Limit for one HTTP attempt. Default 15 000 ms. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** Observe requests, responses and errors (always redacted). */
  hooks?: HttpHooks;
}

/** Settings of `createGatePay`, the unified `refunds-v1` adapter. */
export interface GatePaySettings extends GatePayClientSettings {
  /** The endpoint `refund` uses unless `providerOptions.endpoint` says otherwise. Default `standard`. */
  refundEndpoint?: GatePayRefundEndpoint;
  /** Sent as `refundReason` when a request has none and the endpoint requires one. Default `Refund`. */
  defaultRefundReason?: string;
  /**
   * Declare `nativeIdempotency`. Default false: GatePay documents that refundRequestId "must be unique" but not
   * what it answers to a reused one. Set it only once GatePay confirms a reused id is rejected or replayed.
   */
  nativeIdempotency?: boolean;
  /**
   * After an unknown outcome, how long after the last send a "does not exist" from GatePay counts as evidence
   * (`reconciliation.settleWindowMs`). Falls back to `GATEPAY_SETTLE_WINDOW_MS`; default 360 000 ms (GatePay's
   * 5-minute timestamp window plus a minute of clock skew).
   */
  settleWindowMs?: number;
  /**
   * How long a refund may stay pending before the host hands it to a person (`reconciliation.maximumPendingMs`).
   * Falls back to `GATEPAY_MAXIMUM_PENDING_MS`; default 86 400 000 ms (GatePay's notification schedule lasts a day).
   */
  maximumPendingMs?: number;
}
