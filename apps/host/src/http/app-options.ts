import type { Logger } from 'pino';
import type { RouteRule } from '../config/host-config';
import type { Ledger } from '../ledger/ledger';
import type { ReconcileContext } from '../refunds/reconcile-refund';
import type { AccountProvider, RefundService } from '../refunds/refund-service';
import type { NamedApiKey } from './api-keys';
import type { ClientAddressOptions } from './client-address';
import type { Metrics } from './create-metrics';
import type { RateLimitOptions } from './rate-limit';

// Apart from create-app.ts, so the route groups it mounts can take their options without importing it back.

export interface HostAccount extends AccountProvider {
  packageName: string;
}

export interface AppOptions {
  service: RefundService;
  reconcileContext: ReconcileContext;
  ledger: Ledger;
  accounts: ReadonlyMap<string, HostAccount>;
  routes: readonly RouteRule[];
  /** Already checked (length, names) by `createHost`. */
  apiKeys: readonly NamedApiKey[];
  metrics: Metrics;
  logger: Logger;
  version: string;
  /** Request bodies above this are refused before they are parsed. Default 64 KiB. */
  bodyLimitBytes?: number;
  rateLimit?: RateLimitOptions;
  /** The configured webhook endpoints, so /metrics shows each one even when nothing waits for it. */
  webhookEndpointIds?: readonly string[];
  /**
   * Failed authentications (no key, a wrong key, a wrong key in the console's sign-in form) a client address may
   * make: a burst, then a sustained rate; past it, 429 with Retry-After. Default a burst of 100, then 1 a second.
   */
  failedAuthenticationLimit?: RateLimitOptions;
  /** Where the client address comes from; by default the socket's, `X-Forwarded-For` ignored. */
  clientAddress?: ClientAddressOptions;
  /** `/metrics` without an API key. Default false: its labels name the configured accounts. */
  metricsPublic?: boolean;
}
