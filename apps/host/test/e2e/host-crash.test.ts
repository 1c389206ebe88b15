import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoOrder } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxAccounts } from '../../src/plugins/start-sandbox-accounts';
import { type SpawnedHost, spawnHost } from '../support/spawn-host';
import { freePort, testApiKey, waitFor } from '../support/start-sandbox-host';

type SandboxAccounts = Awaited<ReturnType<typeof startSandboxAccounts>>;

let directory: string;
let port: number;
let sandboxAccounts: SandboxAccounts;
const hosts: SpawnedHost[] = [];

const start = async () => {
  const host = await spawnHost({
    port,
    configPath: join(directory, 'refunds.config.json'),
    cwd: directory,
    environment: {
      ...sandboxAccounts.environment,
      REFUNDS_API_KEYS: testApiKey,
      // A restarted host is a new instance: it waits for the dead one's lease before reconciling.
      REFUNDS_LEASE_MS: '2500',
      REFUNDS_RECONCILE_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
  });
  hosts.push(host);
  return host;
};

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'refunds-crash-'));
  port = await freePort();
  sandboxAccounts = await startSandboxAccounts({
    notificationUrl: (account) => `http://127.0.0.1:${port}/v1/notifications/${encodeURIComponent(account)}`,
    settleAfterMs: 300,
  });
  writeFileSync(join(directory, 'refunds.config.json'), JSON.stringify(sandboxAccounts.config));
}, 60_000);

afterAll(async () => {
  for (const host of hosts) await host.kill('SIGKILL');
  await sandboxAccounts?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('a host killed after the provider committed and before the ledger recorded it', () => {
  it('finishes every refund after a restart, each executed exactly once', async () => {
    const first = await start();
    const refunds: { account: string; refundId: string; order: DemoOrder }[] = [];
    for (const [account, sandbox] of sandboxAccounts.sandboxes) {
      const template = sandboxAccounts.demoOrders.get(account)?.[0] as DemoOrder;
      const order = { ...template, ...(await sandbox.seedOrder({ amount: template.amount })) };
      // The provider commits at once but answers only after the host is dead.
      sandbox.injectFault({ fault: { kind: 'latency', ms: 10_000 }, path: sandbox.refundPath });
      refunds.push({ account, refundId: `crash${Date.now().toString(36)}${refunds.length}`, order });
    }
    const requests = refunds.map(({ account, refundId, order }) =>
      fetch(`${first.url}/v1/refunds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${testApiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          refundId,
          orderId: order.orderId,
          amount: order.amount,
          account,
          ...(order.destination ? { destination: order.destination } : {}),
          ...(order.providerOptions ? { providerOptions: order.providerOptions } : {}),
        }),
      }).catch(() => undefined),
    );
    const executed = (account: string, orderId: string) =>
      sandboxAccounts.sandboxes
        .get(account)
        ?.executedRefunds()
        .filter((refund) => refund.orderId === orderId) ?? [];
    await waitFor(
      async () => refunds.every(({ account, order }) => executed(account, order.orderId).length === 1),
      (done) => done,
      15_000,
    );
    for (const { account, order } of refunds)
      expect(executed(account, order.orderId), account).toHaveLength(1);

    await first.kill('SIGKILL');
    await Promise.all(requests);
    for (const sandbox of sandboxAccounts.sandboxes.values()) sandbox.clearFaults();

    const second = await start();
    for (const { account, refundId, order } of refunds) {
      const final = await waitFor(
        async () => {
          const response = await fetch(`${second.url}/v1/refunds/${refundId}`, {
            headers: { authorization: `Bearer ${testApiKey}` },
          });
          return (await response.json()) as { state?: string };
        },
        (refund) => refund.state === 'succeeded',
        30_000,
      );
      expect(final.state, `${account}\n${second.output()}`).toBe('succeeded');
      expect(executed(account, order.orderId), account).toHaveLength(1);
      // Recovered from the provider's own word (a status check, or its notification if that came first), never by
      // sending again: the dead host never recorded an answer.
      const history = await fetch(`${second.url}/v1/refunds/${refundId}/events`, {
        headers: { authorization: `Bearer ${testApiKey}` },
      });
      const types = ((await history.json()) as { events: { type: string }[] }).events.map(
        (event) => event.type,
      );
      expect(types[0], account).toBe('created');
      expect(
        types.some((type) => type === 'status_checked' || type === 'notification'),
        `${account}: ${types}`,
      ).toBe(true);
      expect(types, account).not.toContain('provider_accepted');
      expect(types, account).not.toContain('resending');
    }
    expect(refunds.length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
