import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoOrder, RunningSandbox, SandboxRefundRecord } from '@refunds/core';
import pino from 'pino';
import type { HostConfig } from '../../src/config/host-config';
import { createHost, type Host, type HostOptions } from '../../src/create-host';
import { startSandboxAccounts } from '../../src/plugins/start-sandbox-accounts';

export interface SandboxHost {
  url: string;
  apiKey: string;
  host: Host;
  sandboxes: ReadonlyMap<string, RunningSandbox>;
  sandboxAccounts: Awaited<ReturnType<typeof startSandboxAccounts>>;
  demoOrders: ReadonlyMap<string, readonly DemoOrder[]>;
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  /** A fresh paid order shaped like the account's first demo order (destination and options included). */
  freshOrder(account: string): Promise<DemoOrder>;
  /** What the sandbox executed for one order: the ground truth. */
  executed(account: string, orderId: string): SandboxRefundRecord[];
  close(): Promise<void>;
}

let refundSequence = 0;

/** A `POST /v1/refunds` body for the whole order, or `amount` of it, under a fresh refund id by default. */
export function refundBody(
  account: string,
  order: DemoOrder,
  amount = order.amount.amount,
  refundId = `e2e${Date.now().toString(36)}${refundSequence++}`,
) {
  return {
    refundId,
    orderId: order.orderId,
    amount: { amount, currency: order.amount.currency },
    account,
    ...(order.destination ? { destination: order.destination } : {}),
    ...(order.providerOptions ? { providerOptions: order.providerOptions } : {}),
  };
}

export const testApiKey = 'sk_test_e2e_3f9a7c1d5b8e4a20';

/** Every installed provider's sandbox, and a real host in front of them on loopback. */
export async function startSandboxHost(
  overrides: Partial<HostOptions> & {
    /** Adjusts the generated sandbox config, e.g. an account's settings, before the host loads it. */
    configure?: (config: HostConfig) => HostConfig;
    /** How long sandbox refunds stay pending; 300 ms by default. */
    settleAfterMs?: number;
    /** Shares another harness's sandboxes instead of starting new ones (a second host instance). */
    sandboxAccounts?: Awaited<ReturnType<typeof startSandboxAccounts>>;
  } = {},
): Promise<SandboxHost> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { configure, sandboxAccounts: shared, settleAfterMs = 300, ...hostOptions } = overrides;
  const sandboxAccounts =
    shared ??
    (await startSandboxAccounts({
      notificationUrl: (account) => `${url}/v1/notifications/${encodeURIComponent(account)}`,
      settleAfterMs,
      settleWindowMs: 300,
    }));
  const directory = mkdtempSync(join(tmpdir(), 'refunds-e2e-'));
  const host = await createHost({
    config: configure ? configure(structuredClone(sandboxAccounts.config)) : sandboxAccounts.config,
    environment: { ...process.env, ...sandboxAccounts.environment },
    secretValues: sandboxAccounts.secretValues,
    sqlitePath: join(directory, 'ledger.sqlite'),
    apiKeys: [testApiKey],
    leaseMs: 4_000,
    reconcileIntervalMs: 100,
    logger: pino({ level: 'silent' }),
    ...hostOptions,
  });
  await host.listen({ port });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${testApiKey}`,
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
    return { status: response.status, body: parsed as any };
  };
  return {
    url,
    apiKey: testApiKey,
    host,
    sandboxes: sandboxAccounts.sandboxes,
    sandboxAccounts,
    demoOrders: sandboxAccounts.demoOrders,
    call,
    async freshOrder(account) {
      const sandbox = sandboxAccounts.sandboxes.get(account) as RunningSandbox;
      const template = sandboxAccounts.demoOrders.get(account)?.[0] as DemoOrder;
      const order = await sandbox.seedOrder({ amount: template.amount });
      return {
        ...template,
        ...order,
        destination: order.destination ?? template.destination,
        providerOptions: order.providerOptions ?? template.providerOptions,
      };
    },
    executed: (account, orderId) =>
      (sandboxAccounts.sandboxes.get(account) as RunningSandbox)
        .executedRefunds()
        .filter((refund) => refund.orderId === orderId),
    async close() {
      await host.close();
      // Shared sandboxes belong to the harness that started them.
      if (!shared) await sandboxAccounts.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

export async function waitFor<Value>(
  read: () => Promise<Value>,
  done: (value: Value) => boolean,
  timeoutMs = 10_000,
): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
