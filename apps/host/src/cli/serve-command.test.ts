import {
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedCli, spawnCli } from '../../test/support/spawn-cli';
import { freePort } from '../../test/support/start-sandbox-host';
import { defaultConfigCandidates } from '../config/load-config';

// Settings the machine running the tests may have, which would otherwise leak into the child.
const clean = {
  REFUNDS_API_KEYS: undefined,
  DATABASE_URL: undefined,
  PORT: undefined,
  REFUNDS_LEASE_MS: undefined,
  REFUNDS_RECONCILE_INTERVAL_MS: undefined,
  LOG_LEVEL: 'warn',
};

let directory: string;
const running: SpawnedCli[] = [];

beforeAll(() => {
  directory = realpathSync(mkdtempSync(join(tmpdir(), 'refunds-serve-')));
});
afterEach(async () => {
  for (const cli of running.splice(0)) await cli.kill('SIGKILL');
});
afterAll(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
});

const start = (args: string[], environment: Record<string, string | undefined> = {}) => {
  const cli = spawnCli(['serve', ...args], { cwd: directory, environment: { ...clean, ...environment } });
  running.push(cli);
  return cli;
};

describe('refunds serve without a config', () => {
  it('exits non-zero, lists where it looked, and names --sandbox; it does not start sandbox mode', async () => {
    const cli = start([]);
    expect(await cli.exited).toBe(1);
    const output = cli.output();
    expect(output).toContain('No refunds config file found. Looked for:');
    for (const path of defaultConfigCandidates(directory)) expect(output).toContain(`  ${path}\n`);
    expect(output).toContain('`refunds serve --sandbox`');
    expect(output).not.toContain('SANDBOX MODE');
    expect(existsSync(join(directory, 'data'))).toBe(false);
  }, 60_000);

  it('refuses --sandbox with --config, saying why', async () => {
    writeFileSync(join(directory, 'other.config.json'), '{"accounts":{}}');
    const cli = start(['--sandbox', '--config', 'other.config.json']);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain('--sandbox and --config cannot be used together');
  }, 60_000);

  it('refuses a numeric setting that is not a positive integer before starting anything', async () => {
    const cli = start(['--sandbox', '--data', 'refused'], {
      REFUNDS_LEASE_MS: '-5',
      REFUNDS_RECONCILE_INTERVAL_MS: '0.5',
    });
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain('REFUNDS_LEASE_MS must be a positive integer (milliseconds)');
    expect(cli.output()).toContain('but it is negative (-5)');
    expect(cli.output()).toContain('REFUNDS_RECONCILE_INTERVAL_MS must be a positive integer');
    expect(existsSync(join(directory, 'refused'))).toBe(false);

    const port = start(['--sandbox', '--port', 'http']);
    expect(await port.exited).toBe(1);
    expect(port.output()).toContain('--port must be a positive integer (a TCP port) from 1 to 65535');
  }, 60_000);
});

describe('refunds serve --sandbox', () => {
  const productionKey = 'prod_live_key_7f3a9c1e5b2d4f6a8c0e';
  // Nothing listens on port 1: a host that used this ledger would fail to start.
  const productionDatabase = 'postgres://refunds:prod-db-password@127.0.0.1:1/refunds';
  const dataDirectory = () => join(directory, 'sandbox-data');

  interface DemoOrderEntry {
    account: string;
    orderId: string;
    amount: { amount: string; currency: string };
    destination?: Record<string, string>;
    providerOptions?: Record<string, unknown>;
    description: string;
  }

  const startSandbox = async (environment: Record<string, string | undefined> = {}) => {
    const port = await freePort();
    const cli = start(['--sandbox', '--data', 'sandbox-data', '--port', String(port)], environment);
    const [, apiKey] = await cli.waitForOutput(/export REFUNDS_API_KEY=(\S+)/);
    const url = `http://127.0.0.1:${port}`;
    const demoOrders = JSON.parse(
      readFileSync(join(dataDirectory(), 'demo-orders.json'), 'utf8'),
    ) as DemoOrderEntry[];
    return { cli, url, apiKey: apiKey as string, demoOrders };
  };

  const refundEach = async (url: string, apiKey: string, orders: readonly DemoOrderEntry[], run: string) => {
    const answers = [];
    for (const [index, { description: _description, ...order }] of orders.entries()) {
      const response = await fetch(`${url}/v1/refunds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        // Short: GatePay takes refund ids of at most 32 characters.
        body: JSON.stringify({ refundId: `${run}-${index}-${Date.now().toString(36)}`, ...order }),
      });
      answers.push({ account: order.account, status: response.status, body: (await response.json()) as any });
    }
    return answers;
  };

  const firstRun: { apiKey?: string; refunded: Set<string> } = { refunded: new Set() };

  it('ignores REFUNDS_API_KEYS and DATABASE_URL: its own key and ledger, and neither value printed', async () => {
    const sandbox = await startSandbox({ REFUNDS_API_KEYS: productionKey, DATABASE_URL: productionDatabase });
    firstRun.apiKey = sandbox.apiKey;

    expect(sandbox.apiKey).toMatch(/^sk_sandbox_[A-Za-z0-9_-]{32,}$/);
    expect(sandbox.apiKey).not.toBe(productionKey);
    const output = sandbox.cli.output();
    expect(output).not.toContain(productionKey);
    expect(output).not.toContain('prod-db-password');
    expect(output).toContain('REFUNDS_API_KEYS and DATABASE_URL are set and ignored');
    expect(output.split(sandbox.apiKey)).toHaveLength(2); // Printed once.

    const accounts = (key: string) =>
      fetch(`${sandbox.url}/v1/accounts`, { headers: { authorization: `Bearer ${key}` } });
    expect((await accounts(productionKey)).status).toBe(401);
    expect((await accounts(sandbox.apiKey)).status).toBe(200);

    expect(existsSync(join(dataDirectory(), 'ledger.sqlite'))).toBe(true);
    expect(existsSync(join(directory, 'data'))).toBe(false);
    const keyFile = join(dataDirectory(), 'api-key');
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(sandbox.apiKey);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    // Every demo order refunded in full, so that a second run offering the same ids would be refused.
    expect(sandbox.demoOrders.length).toBeGreaterThan(0);
    const answers = await refundEach(sandbox.url, sandbox.apiKey, sandbox.demoOrders, 'first');
    for (const answer of answers) {
      expect(answer, JSON.stringify(answer)).toMatchObject({ status: 201 });
      expect(['pending', 'succeeded']).toContain(answer.body.state);
    }
    for (const order of sandbox.demoOrders) firstRun.refunded.add(`${order.account}/${order.orderId}`);

    await sandbox.cli.kill('SIGTERM');
    expect(await sandbox.cli.exited).toBe(0);
  }, 120_000);

  it('keeps its key across a restart, and the demo refunds of the next run succeed', async () => {
    expect(firstRun.apiKey).toBeDefined();
    const sandbox = await startSandbox();
    expect(sandbox.apiKey).toBe(firstRun.apiKey);

    expect(sandbox.demoOrders.length).toBe(firstRun.refunded.size);
    for (const order of sandbox.demoOrders) {
      expect(firstRun.refunded.has(`${order.account}/${order.orderId}`), order.orderId).toBe(false);
    }
    const answers = await refundEach(sandbox.url, sandbox.apiKey, sandbox.demoOrders, 'second');
    for (const answer of answers) {
      expect(answer, JSON.stringify(answer)).toMatchObject({ status: 201 });
      expect(['pending', 'succeeded']).toContain(answer.body.state);
    }
  }, 120_000);
});
