import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import {
  createRedactor,
  createRegistry,
  type HttpHooks,
  type ProviderAccountId,
  type RefundRegistry,
} from '@refunds/core';
import type { Logger } from 'pino';
import type { HostConfig } from './config/host-config';
import { resolveApiKeys } from './config/resolve-api-keys';
import { resolveWebhookEndpoints } from './config/resolve-webhook-endpoints';
import type { NamedApiKey } from './http/api-keys';
import type { HostAccount } from './http/app-options';
import type { ClientAddressOptions } from './http/client-address';
import { createApp } from './http/create-app';
import { createMetrics } from './http/create-metrics';
import type { RateLimitOptions } from './http/rate-limit';
import { createLedger, defaultWebhookGiveUpAfterMs } from './ledger/create-ledger';
import { createLogger } from './logging/create-logger';
import { traceProvider } from './logging/trace-provider';
import { loadAccounts } from './plugins/load-accounts';
import { createRefundService } from './refunds/refund-service';
import { startReconciler } from './refunds/start-reconciler';
import { startWebhookWorker } from './webhooks/start-webhook-worker';

export interface HostOptions {
  config: HostConfig;
  /** Where `{ "env": ... }` secrets are read. Defaults to `process.env`. */
  environment?: Record<string, string | undefined>;
  /** PostgreSQL when set (`postgres://...`); otherwise the embedded SQLite file. */
  databaseUrl?: string;
  sqlitePath?: string;
  /**
   * The keys callers present, besides the config's `apiKeys`. A bare string is a key that may do everything,
   * named `key-1`, `key-2`, ... by position (as `REFUNDS_API_KEYS` entries are). At least 24 characters each.
   */
  apiKeys: readonly (string | NamedApiKey)[];
  /** Names this process in leases; random by default, so a restarted host never mistakes itself for its past. */
  instanceId?: string;
  /** How long a provider call may hold a refund before other instances reconcile it. Default 60 s. */
  leaseMs?: number;
  reconcileIntervalMs?: number;
  /** How often the webhook worker looks for due deliveries. Default 500 ms. */
  webhookIntervalMs?: number;
  logger?: Logger;
  logLevel?: string;
  /** Further values to keep out of logs, e.g. sandbox credentials. */
  secretValues?: readonly string[];
  rateLimit?: RateLimitOptions;
  /** Failed authentications a client address may make before 429s. Default a burst of 100, then 1 a second. */
  failedAuthenticationLimit?: RateLimitOptions;
  /**
   * Where a client's address comes from, for the failed-authentication limit: by default the socket's remote
   * address. Behind your own reverse proxies, `{ trustedProxyCount: n }` reads it from `X-Forwarded-For`, n
   * entries from the right. Never set it without such proxies: a client could then pick its own address.
   */
  clientAddress?: ClientAddressOptions;
  /** Serve `/metrics` without an API key (`REFUNDS_METRICS_PUBLIC=true`). Default false. */
  metricsPublic?: boolean;
  bodyLimitBytes?: number;
  importModule?: (specifier: string) => Promise<unknown>;
}

export interface Host {
  readonly app: ReturnType<typeof createApp>;
  readonly accounts: ReadonlyMap<string, HostAccount>;
  readonly ledger: Awaited<ReturnType<typeof createLedger>>;
  readonly logger: Logger;
  listen(options?: { port?: number; hostname?: string }): Promise<{ url: string; port: number }>;
  /** Stops taking requests, finishes the refunds in flight, then closes the ledger. */
  close(): Promise<void>;
}

export async function createHost(options: HostOptions): Promise<Host> {
  // Before anything opens: a host with a weak or missing key must not start.
  const apiKeys = await resolveApiKeys(options.config, {
    keys: options.apiKeys,
    environment: options.environment ?? process.env,
  });
  const webhookEndpoints = await resolveWebhookEndpoints(options.config, {
    environment: options.environment ?? process.env,
  });
  const secrets: string[] = [
    ...apiKeys.map((key) => key.secret),
    ...webhookEndpoints.map((endpoint) => endpoint.secret),
    ...(options.secretValues ?? []),
  ];
  const redactor = createRedactor(() => secrets);
  const logger = options.logger ?? createLogger({ redactor, level: options.logLevel });
  const metrics = createMetrics();
  const instanceId = options.instanceId ?? `host-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 60_000;

  const hooks = (account: string): HttpHooks => ({
    onResponse: (event) => {
      metrics.increment('refunds_provider_responses_total', 'Provider HTTP responses', {
        account,
        status: String(event.status),
      });
      logger.debug({ account, exchange: event }, 'provider exchange');
    },
    onError: (event) => {
      metrics.increment('refunds_provider_failures_total', 'Provider calls that failed in transport', {
        account,
        code: event.error.code,
        outcome: event.error.outcome,
      });
      logger.warn(
        {
          account,
          url: event.url,
          attempt: event.attempt,
          code: event.error.code,
          willRetry: event.willRetry,
        },
        'provider call failed',
      );
    },
  });
  const ledger = await createLedger({
    databaseUrl: options.databaseUrl,
    sqlitePath: options.sqlitePath,
    logger,
    webhooks: {
      endpoints: webhookEndpoints.map(({ id, events }) => ({ id, ...(events ? { events } : {}) })),
      giveUpAfterMs: options.config.webhooks?.giveUpAfterMs ?? defaultWebhookGiveUpAfterMs,
    },
  });
  let loaded: Awaited<ReturnType<typeof loadAccounts>>;
  let registry: RefundRegistry<ProviderAccountId>;
  try {
    loaded = await loadAccounts(options.config, {
      environment: options.environment,
      hooks,
      // Nonces kept in the ledger: host processes sharing a provider key never reuse or reorder them.
      pluginContext: {
        nonceSource: (scope) => ({ next: (floor) => ledger.nextNonce(scope, floor) }),
      },
      ...(options.importModule ? { importModule: options.importModule } : {}),
    });
    // The providers are held in core's registry, which refuses an account id the config should have refused
    // (a config built in code skips that check). Traced here, once: every provider call of the running host
    // (refunds, reconciler, sync, operators) goes through the providers it holds.
    registry = createRegistry(
      Object.fromEntries(
        [...loaded].map(([id, account]) => [id as ProviderAccountId, traceProvider(id, account.provider)]),
      ),
    );
  } catch (error) {
    await ledger.close();
    throw error;
  }
  for (const account of loaded.values()) secrets.push(...account.secretValues);

  const accounts = new Map<string, HostAccount>(
    [...loaded].map(([id, account]) => [
      id,
      {
        provider: registry.get(id as ProviderAccountId),
        packageName: account.packageName,
        reconciliation: account.reconciliation,
      },
    ]),
  );
  const reconcileContext = { ledger, accounts, instanceId, logger, leaseMs };
  const service = createRefundService({ ledger, accounts, instanceId, logger, leaseMs });
  const reconciler = startReconciler({
    ...reconcileContext,
    intervalMs: options.reconcileIntervalMs ?? 1_000,
  });
  const webhookWorker = startWebhookWorker({
    ledger,
    endpoints: webhookEndpoints,
    instanceId,
    logger,
    metrics,
    timeoutMs: options.config.webhooks?.timeoutMs ?? 10_000,
    intervalMs: options.webhookIntervalMs ?? 500,
  });
  const app = createApp({
    service,
    reconcileContext,
    ledger,
    accounts,
    routes: options.config.routes,
    apiKeys,
    metrics,
    logger,
    version: '0.1.0',
    rateLimit: options.rateLimit,
    webhookEndpointIds: webhookEndpoints.map((endpoint) => endpoint.id),
    failedAuthenticationLimit: options.failedAuthenticationLimit,
    clientAddress: options.clientAddress,
    metricsPublic: options.metricsPublic,
    bodyLimitBytes: options.bodyLimitBytes,
  });

  let server: Server | undefined;
  let closing: Promise<void> | undefined;
  return {
    app,
    accounts,
    ledger,
    logger,
    async listen({ port = 3000, hostname = '127.0.0.1' } = {}) {
      server = await new Promise<Server>((resolve) => {
        const started = serve({ fetch: app.fetch, port, hostname }, () => resolve(started as Server));
      });
      const address = server.address() as AddressInfo;
      logger.info(
        { port: address.port, instanceId, accounts: [...accounts.keys()], ledger: ledger.dialect },
        'listening',
      );
      return { url: `http://${hostname}:${address.port}`, port: address.port };
    },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          if (!server) return resolve();
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await reconciler.stop();
        await webhookWorker.stop();
        await service.drain();
        await ledger.close();
        logger.info({ instanceId }, 'stopped');
      })();
      return closing;
    },
  };
}
