import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RefundCapabilities, RunningSandbox } from '@refunds/core';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostConfigError } from '../../src/config/host-config-error';
import { loadAccounts } from '../../src/plugins/load-accounts';
import { type SandboxAccounts, startSandboxAccounts } from '../../src/plugins/start-sandbox-accounts';
import { type SpawnedHost, spawnHost } from '../support/spawn-host';
import { freePort } from '../support/start-sandbox-host';
import { findSecrets } from './find-secrets';
import { sandboxNotifications } from './sandbox-notifications';
import { settleRefund } from './settle-refund';
import { refundBody } from './start-reliability-host';
import { waitForRestingLedger } from './wait-for-resting-ledger';

/**
 * A real host process, logging at debug (every provider exchange), driven through successes, provider faults,
 * refusals, forged and genuine notifications. Afterwards no secret, the API key included, appears in any log
 * line, HTTP response, error message, ledger row or event, /metrics or /openapi.json.
 */

const apiKey = 'sk_live_SECRET-reliability-q7Zx93KpL2vN8mW4';
let directory: string;
let sandboxAccounts: SandboxAccounts;
let host: SpawnedHost;
const secrets = new Map<string, string>([['the API key', apiKey]]);
const responses: { label: string; text: string }[] = [];
let sequence = 0;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${host.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  responses.push({
    label: `${method} ${path} -> ${response.status}`,
    text: `${JSON.stringify(Object.fromEntries(response.headers))}\n${text}`,
  });
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, body: parsed };
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'refunds-secrets-'));
  const port = await freePort();
  sandboxAccounts = await startSandboxAccounts({
    notificationUrl: (account) => `http://127.0.0.1:${port}/v1/notifications/${encodeURIComponent(account)}`,
    settleAfterMs: 200,
  });
  for (const [account, config] of Object.entries(sandboxAccounts.config.accounts)) {
    for (const [setting, reference] of Object.entries(config.secrets ?? {})) {
      const value = 'env' in reference ? sandboxAccounts.environment[reference.env] : undefined;
      if (value) secrets.set(`${account} ${setting}`, value);
    }
  }
  const configPath = join(directory, 'refunds.config.json');
  writeFileSync(configPath, JSON.stringify(sandboxAccounts.config));
  host = await spawnHost({
    port,
    configPath,
    cwd: directory,
    environment: {
      ...sandboxAccounts.environment,
      REFUNDS_API_KEYS: apiKey,
      REFUNDS_LEASE_MS: '4000',
      REFUNDS_RECONCILE_INTERVAL_MS: '100',
      LOG_LEVEL: 'debug',
      DATABASE_URL: '',
    },
  });
}, 60_000);

afterAll(async () => {
  await host?.kill('SIGKILL');
  await sandboxAccounts?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('secrets never leave the host', () => {
  it('has secrets to look for: every account has one, and they are distinctive', () => {
    expect(secrets.size).toBeGreaterThan(sandboxAccounts.sandboxes.size);
    for (const [name, value] of secrets) {
      expect(value.length).toBeGreaterThanOrEqual(16);
      // The scanner itself works: it finds each secret inside a JSON log line, escaped as it would be.
      expect(findSecrets(JSON.stringify({ leaked: `x${value}x` }), secrets, 'probe'), name).toHaveLength(1);
    }
  });

  it('keeps them out of everything an end-to-end run produces', async () => {
    const accounts = (await call('GET', '/v1/accounts')).body as {
      accounts: { id: string; provider: string; capabilities: RefundCapabilities }[];
    };
    for (const { id: account, provider, capabilities } of accounts.accounts) {
      const sandbox = sandboxAccounts.sandboxes.get(account) as RunningSandbox;
      const template = sandboxAccounts.demoOrders.get(account)?.[0];
      const order = async () => ({ ...template, ...(await sandbox.seedOrder({ amount: template!.amount })) });
      const id = () => `sec${Date.now().toString(36)}${sequence++}`;

      // A refund that succeeds, and its history, notification included.
      const paidOrder = await order();
      const paid = refundBody(account, paidOrder as never, id());
      expect((await call('POST', '/v1/refunds', paid)).status).toBe(201);
      await sandbox.settleAll();
      await settleRefund(call, paid.refundId);
      await call('POST', `/v1/refunds/${paid.refundId}/sync`);
      await call('POST', '/v1/refunds', paid);

      // Provider faults, so that failures with their raw payloads are logged and recorded.
      for (const fault of [
        { kind: 'malformed-body' },
        { kind: 'reset-after-commit' },
        { kind: 'status', status: 401, body: '{"error":"bad credentials"}' },
      ] as const) {
        const faulty = refundBody(account, (await order()) as never, id());
        sandbox.injectFault({ fault, path: sandbox.refundPath, times: 1 });
        await call('POST', '/v1/refunds', faulty);
        sandbox.clearFaults();
        await settleRefund(call, faulty.refundId);
        await call('GET', `/v1/refunds/${faulty.refundId}/events`);
      }

      // Refusals: by the provider, by the host's schema, and of a caller without the key.
      await call('POST', '/v1/refunds', {
        ...refundBody(account, (await order()) as never, id()),
        amount: { ...paid.amount, amount: '0' },
      });
      await call('POST', '/v1/refunds', { ...paid, refundId: id(), orderId: 'no-such-order' });
      await call('POST', '/v1/refunds', { ...paid, refundId: id(), amount: 1 });
      await call('GET', '/v1/refunds', undefined, { authorization: `Bearer ${apiKey}x` });
      await call('GET', '/v1/refunds', undefined, { authorization: apiKey });

      // Genuine and forged notifications.
      const source = sandboxNotifications(provider, sandbox, capabilities);
      if (!('notApplicable' in source)) {
        const genuine = source.build({ refundId: paid.refundId, orderId: paid.orderId }, 'latest');
        const headers = genuine.headers as Record<string, string>;
        for (const body of [genuine.body, `${String(genuine.body)} `, '{}']) {
          const response = await fetch(`${host.url}/v1/notifications/${account}`, {
            method: 'POST',
            headers,
            body: body as BodyInit,
          });
          responses.push({
            label: `notification ${account} -> ${response.status}`,
            text: await response.text(),
          });
        }
      }
    }
    await waitForRestingLedger({ call, sandboxes: sandboxAccounts.sandboxes, timeoutMs: 30_000 });
    for (const path of ['/v1/refunds?limit=100', '/openapi.json', '/v1/accounts', '/healthz', '/readyz']) {
      await call('GET', path);
    }
    // With a key: /metrics needs one, and its text is what must hold no secret.
    const metrics = await fetch(`${host.url}/metrics`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(metrics.status).toBe(200);
    responses.push({ label: 'GET /metrics', text: await metrics.text() });
    // A graceful stop flushes the last log lines.
    await host.kill('SIGTERM');

    const leaks: string[] = [];
    const logLines = host.output().split('\n');
    expect(
      logLines.some((line) => line.includes('provider exchange')),
      'debug logging of exchanges',
    ).toBe(true);
    for (const [index, line] of logLines.entries())
      leaks.push(...findSecrets(line, secrets, `log line ${index + 1}`));
    for (const { label, text } of responses) leaks.push(...findSecrets(text, secrets, label));

    const ledgerPath = join(directory, 'data', 'refunds.sqlite');
    const database = new BetterSqlite3(ledgerPath, { readonly: true });
    const tables = database.prepare("select name from sqlite_master where type = 'table'").all() as {
      name: string;
    }[];
    let rows = 0;
    for (const { name } of tables) {
      for (const row of database.prepare(`select * from "${name}"`).all()) {
        rows++;
        leaks.push(...findSecrets(JSON.stringify(row), secrets, `ledger table ${name}`));
      }
    }
    database.close();
    expect(rows).toBeGreaterThan(20);
    // The files themselves, free pages and write-ahead log included.
    for (const file of readdirSync(join(directory, 'data'))) {
      leaks.push(
        ...findSecrets(readFileSync(join(directory, 'data', file), 'latin1'), secrets, `file ${file}`),
      );
    }
    expect(leaks, leaks.join('\n')).toEqual([]);
  }, 180_000);

  it('keeps them out of configuration errors, even when a secret is written inline', async () => {
    const [account, config] = Object.entries(sandboxAccounts.config.accounts)[0] as [
      string,
      { package: string },
    ];
    const secretSetting = [...secrets.keys()].find((name) => name.startsWith(`${account} `))?.split(' ')[1];
    const value = secrets.get(`${account} ${secretSetting}`) as string;
    let caught: unknown;
    try {
      await loadAccounts(
        {
          accounts: {
            [account]: { package: config.package, settings: { [secretSetting as string]: value } },
          },
          routes: [],
        },
        { environment: {} },
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HostConfigError);
    const described = `${String(caught)}\n${JSON.stringify(caught)}\n${(caught as Error).stack}`;
    expect(findSecrets(described, secrets, 'the config error')).toEqual([]);
  });
});
