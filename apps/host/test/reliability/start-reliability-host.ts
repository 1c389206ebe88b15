import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoOrder, RunningSandbox } from '@refunds/core';
import pino from 'pino';
import type { HostConfig } from '../../src/config/host-config';
import { createHost, type Host, type HostOptions } from '../../src/create-host';
import { startSandboxAccounts } from '../../src/plugins/start-sandbox-accounts';
import { freePort } from '../support/start-sandbox-host';

export interface ReliabilityHostOptions {
  /** Merged into every account's settings, e.g. a short `timeoutMs` so a slow provider times out quickly. */
  accountSettings?: Record<string, unknown>;
  /** The API key callers use; distinctive values let the secrets suite look for it. */
  apiKey?: string;
  settleAfterMs?: number;
  host?: Partial<HostOptions>;
}

export interface ReliabilityHost {
  url: string;
  apiKey: string;
  host: Host;
  config: HostConfig;
  /** Where the config's `{ env }` secrets are: with `config`, what another process would load. */
  environment: Record<string, string | undefined>;
  sqlitePath: string;
  sandboxes: ReadonlyMap<string, RunningSandbox>;
  demoOrders: ReadonlyMap<string, readonly DemoOrder[]>;
  /** Every sandbox secret, as the host's redactor knows them. */
  secretValues: readonly string[];
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
  /** A fresh paid order on the account's sandbox, shaped like its first demo order. */
  freshOrder(account: string): Promise<DemoOrder>;
  close(): Promise<void>;
}

/**
 * Every installed provider's sandbox and a real in-process host in front of them, like the end-to-end harness,
 * but with the knobs the reliability suites turn: provider timeouts, the API key, logging and limits.
 */
export async function startReliabilityHost(options: ReliabilityHostOptions = {}): Promise<ReliabilityHost> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const apiKey = options.apiKey ?? 'sk_test_reliability_8c2e41';
  const sandboxAccounts = await startSandboxAccounts({
    notificationUrl: (account) => `${url}/v1/notifications/${encodeURIComponent(account)}`,
    settleAfterMs: options.settleAfterMs ?? 300,
    settleWindowMs: 300,
  });
  const config: HostConfig = {
    ...sandboxAccounts.config,
    accounts: Object.fromEntries(
      Object.entries(sandboxAccounts.config.accounts).map(([id, account]) => [
        id,
        { ...account, settings: { ...account.settings, ...options.accountSettings } },
      ]),
    ),
  };
  const directory = mkdtempSync(join(tmpdir(), 'refunds-reliability-'));
  const sqlitePath = join(directory, 'ledger.sqlite');
  let host: Host;
  try {
    host = await createHost({
      config,
      environment: { ...process.env, ...sandboxAccounts.environment },
      secretValues: sandboxAccounts.secretValues,
      sqlitePath,
      apiKeys: [apiKey],
      leaseMs: 4_000,
      reconcileIntervalMs: 100,
      logger: pino({ level: 'silent' }),
      ...options.host,
    });
    await host.listen({ port });
  } catch (error) {
    await sandboxAccounts.close();
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }

  const call: ReliabilityHost['call'] = async (method, path, body, headers = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: response.status, body: parsed, headers: response.headers };
  };

  const freshOrder = async (account: string): Promise<DemoOrder> => {
    const sandbox = sandboxAccounts.sandboxes.get(account);
    const template = sandboxAccounts.demoOrders.get(account)?.[0];
    if (!sandbox || !template) throw new Error(`No sandbox for account ${account}`);
    const order = await sandbox.seedOrder({ amount: template.amount });
    return {
      ...template,
      ...order,
      destination: order.destination ?? template.destination,
      providerOptions: order.providerOptions ?? template.providerOptions,
    };
  };

  return {
    url,
    apiKey,
    host,
    config,
    environment: { ...process.env, ...sandboxAccounts.environment },
    sqlitePath,
    sandboxes: sandboxAccounts.sandboxes,
    demoOrders: sandboxAccounts.demoOrders,
    secretValues: sandboxAccounts.secretValues,
    call,
    freshOrder,
    async close() {
      await host.close();
      await sandboxAccounts.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The body of `POST /v1/refunds` for a whole-order refund of `order` through `account`. */
export function refundBody(account: string, order: DemoOrder, refundId: string) {
  return {
    refundId,
    orderId: order.orderId,
    amount: order.amount,
    account,
    ...(order.destination ? { destination: order.destination } : {}),
    ...(order.providerOptions ? { providerOptions: order.providerOptions } : {}),
  };
}
