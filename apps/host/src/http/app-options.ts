import type { Logger } from 'pino';
import type { RouteRule } from '../config/host-config';
import type { Ledger } from '../ledger/ledger';
import type { ReconcileContext } from '../refunds/reconcile-refund';
import type { AccountProvider, RefundService } from '../refunds/refund-service';
import type { NamedApiKey } from './api-keys';
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
}
