import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createHost, type Host } from '../create-host';
import { startSandboxAccounts } from '../plugins/start-sandbox-accounts';
import type { CliInvocation } from './cli-invocation';
import { freshDemoOrders } from './fresh-demo-orders';
import type { ServeSettings } from './read-serve-settings';
import { readSandboxApiKey } from './sandbox-api-key';
import { sandboxBanner } from './sandbox-banner';

/** Relative to the working directory, like the configured host's `./data/refunds.sqlite`. */
export const defaultSandboxDataDirectory = join('data', 'sandbox');

/** The sandbox's ledger inside its data folder. */
export const sandboxLedgerFileName = 'ledger.sqlite';

/** This run's demo orders, as JSON, for scripts: each entry is a refund request body less its `refundId`. */
export const sandboxDemoOrdersFileName = 'demo-orders.json';

/** Production variables sandbox mode leaves alone; the banner names those that are set, never their values. */
const ignoredVariables = ['REFUNDS_API_KEYS', 'DATABASE_URL'] as const;

export interface StartSandboxModeOptions {
  /** Its ledger and API key; default `./data/sandbox`. */
  dataDirectory?: string;
  port?: number;
  hostname: string;
  settings: ServeSettings;
  environment: Readonly<Record<string, string | undefined>>;
  /** Where the banner goes. */
  write(text: string): void;
  /** How the person who started it runs the CLI, for the banner's refund commands. */
  cli: CliInvocation;
}

/**
 * `refunds serve --sandbox`: every installed provider's simulator in this process, and a host in front of
 * them that shares nothing with a production host. Its key is its own (never `REFUNDS_API_KEYS`), its ledger
 * is its own SQLite file (never `DATABASE_URL`: its reconciler would otherwise claim a production ledger's
 * refunds and ask simulators about them).
 */
export async function startSandboxMode(
  options: StartSandboxModeOptions,
): Promise<{ host: Host; close(): Promise<void> }> {
  const dataDirectory = resolve(options.dataDirectory ?? defaultSandboxDataDirectory);
  const { apiKey, path: apiKeyPath } = readSandboxApiKey(dataDirectory);
  // Notification URLs must be known before the sandboxes start, so the port is settled first.
  const port = options.port ?? options.settings.port ?? (await freePort(3000));
  const url = `http://${options.hostname}:${port}`;
  const sandboxes = await startSandboxAccounts({
    notificationUrl: (account) => `${url}/v1/notifications/${encodeURIComponent(account)}`,
    settleAfterMs: 3_000,
  });
  let host: Host;
  try {
    host = await createHost({
      config: sandboxes.config,
      // Only the sandboxes' generated variables: nothing of the production environment reaches the plugins.
      environment: sandboxes.environment,
      secretValues: sandboxes.secretValues,
      sqlitePath: join(dataDirectory, sandboxLedgerFileName),
      apiKeys: [apiKey],
      logLevel: options.environment.LOG_LEVEL,
      ...(options.settings.leaseMs === undefined ? {} : { leaseMs: options.settings.leaseMs }),
      ...(options.settings.reconcileIntervalMs === undefined
        ? {}
        : { reconcileIntervalMs: options.settings.reconcileIntervalMs }),
      ...(options.settings.metricsPublic ? { metricsPublic: true } : {}),
    });
  } catch (error) {
    await sandboxes.close();
    throw error;
  }
  const close = async () => {
    await host.close();
    await sandboxes.close();
  };
  try {
    const fresh = await freshDemoOrders({
      demoOrders: sandboxes.demoOrders,
      sandboxes: sandboxes.sandboxes,
      isUsed: async (account, orderId) => (await host.ledger.refundsOfOrder(account, orderId)).length > 0,
    });
    await host.listen({ port, hostname: options.hostname });
    // Rewritten each run: the sandboxes are in memory, so only this run's orders can be refunded.
    const orders = [...fresh.demoOrders].flatMap(([account, demoOrders]) =>
      demoOrders.map((order) => ({
        account,
        orderId: order.orderId,
        amount: order.amount,
        ...(order.destination === undefined ? {} : { destination: order.destination }),
        ...(order.providerOptions === undefined ? {} : { providerOptions: order.providerOptions }),
        description: order.description,
      })),
    );
    const demoOrdersPath = join(dataDirectory, sandboxDemoOrdersFileName);
    writeFileSync(demoOrdersPath, `${JSON.stringify(orders, null, 2)}\n`);
    const ignored = ignoredVariables.filter((name) => options.environment[name]);
    options.write(
      sandboxBanner({
        url,
        apiKey,
        apiKeyPath,
        dataDirectory,
        demoOrders: fresh.demoOrders,
        demoOrdersPath,
        cli: options.cli,
        warnings: [...sandboxes.warnings, ...fresh.warnings],
        ignoredVariables: ignored,
      }),
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { host, close };
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
