import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoOrder } from '@refunds/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxAccounts } from '../../src/plugins/start-sandbox-accounts';
import { type SpawnedHost, spawnHost } from '../support/spawn-host';
import { startPostgres } from '../support/start-postgres';
import { freePort, testApiKey } from '../support/start-sandbox-host';

let directory: string;
let postgres: Awaited<ReturnType<typeof startPostgres>>;
let sandboxAccounts: Awaited<ReturnType<typeof startSandboxAccounts>>;
const hosts: SpawnedHost[] = [];

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'refunds-two-hosts-'));
  postgres = await startPostgres();
  const ports = [await freePort(), await freePort()];
  sandboxAccounts = await startSandboxAccounts({
    notificationUrl: (account) =>
      `http://127.0.0.1:${ports[0]}/v1/notifications/${encodeURIComponent(account)}`,
    settleAfterMs: 300,
  });
  const configPath = join(directory, 'refunds.config.json');
  writeFileSync(configPath, JSON.stringify(sandboxAccounts.config));
  // Started one after the other: migrations are safe concurrently, but the test is about refunds.
  for (const port of ports) {
    hosts.push(
      await spawnHost({
        port,
        configPath,
        cwd: directory,
        environment: {
          ...sandboxAccounts.environment,
          REFUNDS_API_KEYS: testApiKey,
          DATABASE_URL: postgres.url,
          LOG_LEVEL: 'warn',
        },
      }),
    );
  }
}, 90_000);

afterAll(async () => {
  for (const host of hosts) await host.kill('SIGTERM');
  await sandboxAccounts?.close();
  await postgres?.stop();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('two host processes on one PostgreSQL', () => {
  it('turn the same refund sent to both at once into one provider refund', async () => {
    for (const [account, sandbox] of sandboxAccounts.sandboxes) {
      const template = sandboxAccounts.demoOrders.get(account)?.[0] as DemoOrder;
      const order = { ...template, ...(await sandbox.seedOrder({ amount: template.amount })) };
      const body = JSON.stringify({
        refundId: `twin${Date.now().toString(36)}`,
        orderId: order.orderId,
        amount: order.amount,
        account,
        ...(order.destination ? { destination: order.destination } : {}),
        ...(order.providerOptions ? { providerOptions: order.providerOptions } : {}),
      });
      const responses = await Promise.all(
        hosts.flatMap((host) =>
          Array.from({ length: 5 }, () =>
            fetch(`${host.url}/v1/refunds`, {
              method: 'POST',
              headers: { authorization: `Bearer ${testApiKey}`, 'content-type': 'application/json' },
              body,
            }),
          ),
        ),
      );
      const statuses = responses.map((response) => response.status);
      const refunds = (await Promise.all(responses.map((response) => response.json()))) as {
        refundId: string;
      }[];
      expect(
        statuses.filter((status) => status === 201),
        `${account}: ${statuses}`,
      ).toHaveLength(1);
      expect(
        statuses.every((status) => [200, 201, 202].includes(status)),
        `${account}: ${statuses}`,
      ).toBe(true);
      expect(new Set(refunds.map((refund) => refund.refundId)).size).toBe(1);
      expect(
        sandbox.executedRefunds().filter((refund) => refund.orderId === order.orderId),
        account,
      ).toHaveLength(1);
    }
  }, 120_000);
});

describe('two host processes sharing one CoinCorner key', () => {
  it('never refuse each other’s nonces: every refund sent from both at once executes', async () => {
    const account = 'coincorner:sandbox';
    const sandbox = sandboxAccounts.sandboxes.get(account);
    if (!sandbox) throw new Error('the CoinCorner sandbox did not start');
    const template = sandboxAccounts.demoOrders.get(account)?.[0] as DemoOrder;
    const sends = Array.from({ length: 30 }, async (_, index) => {
      const order = { ...template, ...(await sandbox.seedOrder({ amount: template.amount })) };
      const host = hosts[index % hosts.length] as SpawnedHost;
      const response = await fetch(`${host.url}/v1/refunds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${testApiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          refundId: `nonce${Date.now().toString(36)}${index}`,
          orderId: order.orderId,
          amount: order.amount,
          account,
          destination: order.destination ?? template.destination,
        }),
      });
      return { order, refund: (await response.json()) as { state: string; failure?: unknown } };
    });
    const results = await Promise.all(sends);
    const failed = results.filter(({ refund }) => refund.state === 'failed');
    expect(failed, JSON.stringify(failed.map(({ refund }) => refund.failure))).toEqual([]);
    for (const { order } of results) {
      expect(sandbox.executedRefunds().filter((refund) => refund.orderId === order.orderId)).toHaveLength(1);
    }
    // The nonces came from the shared ledger, not from each process's own memory and clock.
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ scope: string; value: string }>(
        "select scope, value from nonces where scope like 'coincorner:%'",
      );
      expect(rows).toHaveLength(1);
      const nonces = (sandbox as unknown as { requests: { path: string; text: string }[] }).requests
        .filter((request) => request.path.endsWith('/RefundOrder'))
        .map((request) =>
          BigInt(new URLSearchParams(request.text).get('Nonce') ?? JSON.parse(request.text).Nonce),
        );
      expect(nonces.length).toBeGreaterThanOrEqual(30);
      expect(new Set(nonces).size).toBe(nonces.length);
      expect(nonces.every((nonce) => nonce <= BigInt(rows[0]?.value ?? 0))).toBe(true);
    } finally {
      await client.end();
    }
  }, 120_000);
});
