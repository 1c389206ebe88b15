import type { HttpHooks } from '@refunds/core';

/** __Name__'s API host. TODO: the production URL from __Name__'s documentation. */
export const __camel__ProductionUrl = 'https://api.__name__.example';

/** Settings of the low-level client. Every credential falls back to an environment variable, read at first use. */
export interface __Name__ClientSettings {
  /** The merchant id __Name__ assigned. Falls back to `__ENV___MERCHANT_ID`. */
  merchantId?: string;
  /** The secret that signs requests and verifies answers. Falls back to `__ENV___SECRET_KEY`. */
  secretKey?: string;
  /** Falls back to `__ENV___BASE_URL`, then the production URL. */
  baseUrl?: string;
  /** Limit for one HTTP attempt, in ms. Default 15 000. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** Observe requests and responses (already redacted). */
  hooks?: HttpHooks;
}

/** Settings of `create__Name__`, the `refunds-v1` adapter. */
export interface __Name__Settings extends __Name__ClientSettings {
  /**
   * Whether __Name__ rejects or replays a reused refund id, so that resending one cannot pay twice. TODO: confirm
   * with __Name__; the sandbox replays. Default true.
   */
  nativeIdempotency?: boolean;
}
