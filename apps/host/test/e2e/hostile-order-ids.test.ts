import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig } from '../../src/config/host-config';
import { type SandboxAccounts, startSandboxAccounts } from '../../src/plugins/start-sandbox-accounts';
import { spawnCli } from '../support/spawn-cli';
import { type SpawnedHost, spawnHost } from '../support/spawn-host';
import { freePort, testApiKey } from '../support/start-sandbox-host';

let directory: string;
let sandboxAccounts: SandboxAccounts;
let host: SpawnedHost | undefined;

const environment = () => ({
  ...sandboxAccounts.environment,
  REFUNDS_API_KEYS: testApiKey,
  LOG_LEVEL: 'warn',
  DATABASE_URL: undefined,
  PORT: undefined,
});

const writeConfig = (name: string, routes: HostConfig['routes']): string => {
  const path = join(directory, name);
  writeFileSync(path, JSON.stringify({ ...sandboxAccounts.config, routes }));
  return path;
};

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'refunds-hostile-'));
  // The sandboxes only give the config real accounts; no refund reaches them.
  sandboxAccounts = await startSandboxAccounts({ notificationUrl: () => 'http://127.0.0.1:9/unused' });
}, 60_000);

afterAll(async () => {
  await host?.kill('SIGKILL');
  await sandboxAccounts?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('route patterns and hostile order ids, in a real host process', () => {
  it('refuses to start with a pattern that backtracks catastrophically, naming the route and field', async () => {
    const configPath = writeConfig('unsafe.config.json', [
      { account: 'gatepay:sandbox', orderIdPattern: '\\d{16,19}' },
      { account: 'gatepay:sandbox', orderIdPattern: '(a+)+b' },
    ]);
    const cli = spawnCli(['serve', '--config', configPath, '--port', String(await freePort())], {
      cwd: directory,
      environment: environment(),
    });
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain('  - field routes.1.orderIdPattern: could backtrack catastrophically');
  }, 60_000);

  it('keeps answering /healthz while hostile order ids arrive', async () => {
    const configPath = writeConfig('refunds.config.json', [
      { account: 'gatepay:sandbox', orderIdPattern: '\\d{16,19}' },
      { account: 'bonuspay:sandbox', orderIdPattern: 'M[0-9]+' },
      { account: 'iotpay:sandbox', orderIdPattern: '[a-z]+-\\d+' },
    ]);
    host = await spawnHost({
      port: await freePort(),
      configPath,
      cwd: directory,
      environment: environment(),
    });
    const url = host.url;

    // Long runs of `a` that almost match, each sent without an account so that every route's pattern runs.
    const hostileIds = [
      'a'.repeat(100),
      `${'a'.repeat(99)}!`,
      `${'a'.repeat(98)}-x`,
      'a'.repeat(300),
      'a'.repeat(20_000),
    ];
    const hostile = async (orderId: string) => {
      const response = await fetch(`${url}/v1/refunds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${testApiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          refundId: `hostile-${Math.random().toString(36).slice(2, 10)}`,
          orderId,
          amount: { amount: '1.00', currency: 'USDT' },
        }),
      });
      await response.arrayBuffer();
      return response.status;
    };
    let sending = true;
    const statuses: number[] = [];
    const attack = (async () => {
      for (let round = 0; round < 20; round++) {
        statuses.push(...(await Promise.all(hostileIds.map(hostile))));
      }
      sending = false;
    })();

    let healthChecks = 0;
    while (sending) {
      // Answered at all within the time, not compared with another timing.
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
      healthChecks += 1;
    }
    await attack;

    expect(healthChecks).toBeGreaterThan(0);
    expect(statuses).toHaveLength(100);
    // Refused, never routed: 422 for ids that reach routing, 422 or 413 for those the body checks refuse.
    for (const status of statuses) expect([413, 422]).toContain(status);
  }, 120_000);
});
