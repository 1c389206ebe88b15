import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { findDefaultConfig, loadConfig } from '../config/load-config';
import { createHost, type Host } from '../create-host';
import { startSandboxAccounts } from '../plugins/start-sandbox-accounts';
import { sandboxBanner } from './sandbox-banner';

export interface ServeOptions {
  configPath?: string;
  port?: number;
  hostname?: string;
}

/** `refunds serve`: the configured host, or sandbox mode when there is no config file. */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const hostname = options.hostname ?? '127.0.0.1';
  const apiKeys = (process.env.REFUNDS_API_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  const configPath = options.configPath ?? findDefaultConfig(process.cwd());
  // Operational knobs: how long a provider call may hold a refund, and how often the reconciler looks.
  const timing = {
    leaseMs: positiveNumber(process.env.REFUNDS_LEASE_MS),
    reconcileIntervalMs: positiveNumber(process.env.REFUNDS_RECONCILE_INTERVAL_MS),
  };
  const closers: (() => Promise<void>)[] = [];
  let host: Host;

  if (configPath) {
    if (apiKeys.length === 0)
      throw new Error('Set REFUNDS_API_KEYS (comma-separated) to the API keys callers may use.');
    host = await createHost({
      config: await loadConfig(configPath),
      databaseUrl: process.env.DATABASE_URL,
      apiKeys,
      logLevel: process.env.LOG_LEVEL,
      ...timing,
    });
    await host.listen({ port: options.port ?? Number(process.env.PORT ?? 3000), hostname });
  } else {
    // Notification URLs must be known before the sandboxes start, so the port is settled first.
    const port = options.port || Number(process.env.PORT ?? 0) || (await freePort(3000));
    const url = `http://${hostname}:${port}`;
    const sandboxes = await startSandboxAccounts({
      notificationUrl: (account) => `${url}/v1/notifications/${encodeURIComponent(account)}`,
      settleAfterMs: 3_000,
    });
    closers.push(() => sandboxes.close());
    const apiKey = apiKeys[0] ?? `sk_sandbox_${randomBytes(18).toString('base64url')}`;
    host = await createHost({
      config: sandboxes.config,
      environment: { ...process.env, ...sandboxes.environment },
      secretValues: sandboxes.secretValues,
      databaseUrl: process.env.DATABASE_URL,
      sqlitePath: process.env.DATABASE_URL ? undefined : './data/refunds-sandbox.sqlite',
      apiKeys: [apiKey, ...apiKeys.slice(1)],
      logLevel: process.env.LOG_LEVEL,
      ...timing,
    });
    await host.listen({ port, hostname });
    process.stderr.write(
      sandboxBanner({ url, apiKey, demoOrders: sandboxes.demoOrders, warnings: sandboxes.warnings }),
    );
  }

  const shutdown = async (signal: string) => {
    process.stderr.write(`\n${signal}: finishing refunds in flight...\n`);
    await host.close();
    for (const close of closers) await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function positiveNumber(text: string | undefined): number | undefined {
  const value = Number(text);
  return text && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The preferred port if it is free, otherwise any free one. */
async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(undefined));
      probe.listen(port, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0)) ?? preferred;
}
