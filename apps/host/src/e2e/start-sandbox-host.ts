import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoOrder, RunningSandbox } from '@refunds/core';
import pino from 'pino';
import { createHost, type Host, type HostOptions } from '../create-host';
import { startSandboxAccounts } from '../plugins/start-sandbox-accounts';

export interface SandboxHost {
  url: string;
  apiKey: string;
  host: Host;
  sandboxes: ReadonlyMap<string, RunningSandbox>;
  demoOrders: ReadonlyMap<string, readonly DemoOrder[]>;
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export const testApiKey = 'sk_test_e2e_3f9a7c1d5b';

/** Every installed provider's sandbox, and a real host in front of them on loopback. */
export async function startSandboxHost(overrides: Partial<HostOptions> = {}): Promise<SandboxHost> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const sandboxAccounts = await startSandboxAccounts({
    notificationUrl: (account) => `${url}/v1/notifications/${encodeURIComponent(account)}`,
    settleAfterMs: 300,
  });
  const directory = mkdtempSync(join(tmpdir(), 'refunds-e2e-'));
  const host = await createHost({
    config: sandboxAccounts.config,
    environment: { ...process.env, ...sandboxAccounts.environment },
    secretValues: sandboxAccounts.secretValues,
    sqlitePath: join(directory, 'ledger.sqlite'),
    apiKeys: [testApiKey],
    leaseMs: 4_000,
    reconcileIntervalMs: 100,
    logger: pino({ level: 'silent' }),
    ...overrides,
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
    demoOrders: sandboxAccounts.demoOrders,
    call,
    async close() {
      await host.close();
      await sandboxAccounts.close();
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
