import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHostConfig } from '../config/parse-host-config';
import { writeFakePackages } from './__fixtures__/fake-node-modules';
import {
  type CreatedSettings,
  type FakeSandboxState,
  fakePlugin,
  fakeSandboxPlugin,
} from './__fixtures__/fake-provider';
import { loadAccounts } from './load-accounts';
import { startSandboxAccounts } from './start-sandbox-accounts';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'refunds-sandbox-'));
  await writeFakePackages(folder, {
    alpha: { sandbox: true },
    beta: { sandbox: true },
    failing: { sandbox: true },
    twin: { sandbox: true },
  });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function fakeModules(state: FakeSandboxState, created: CreatedSettings): Record<string, unknown> {
  return {
    '@refunds/alpha': { default: fakePlugin('alpha', created) },
    '@refunds/alpha/sandbox': { default: fakeSandboxPlugin('alpha', state, { currency: 'USD' }) },
    '@refunds/beta': { default: fakePlugin('beta', created) },
    '@refunds/beta/sandbox': { default: fakeSandboxPlugin('beta', state, { currency: 'USD' }) },
    '@refunds/failing': { default: fakePlugin('failing', created) },
    '@refunds/failing/sandbox': { default: fakeSandboxPlugin('failing', state, { failStart: true }) },
    // A second package claiming an id already taken must not produce a second account of that name.
    '@refunds/twin': { default: fakePlugin('alpha', created) },
    '@refunds/twin/sandbox': { default: fakeSandboxPlugin('alpha', state) },
  };
}

describe('startSandboxAccounts', () => {
  it('starts every discovered sandbox and builds a config that loadAccounts accepts', async () => {
    const state: FakeSandboxState = { started: [], closed: 0 };
    const created: CreatedSettings = new Map();
    const modules = fakeModules(state, created);
    const importModule = async (specifier: string): Promise<unknown> => modules[specifier];

    const sandbox = await startSandboxAccounts({
      notificationUrl: (accountId) => `http://127.0.0.1:8787/v1/notifications/${accountId}`,
      settleAfterMs: 50,
      importModule,
      searchPaths: [folder],
    });
    try {
      expect([...sandbox.sandboxes.keys()]).toEqual(['alpha:sandbox', 'beta:sandbox']);
      expect(state.started).toEqual(
        expect.arrayContaining([
          { notificationUrl: 'http://127.0.0.1:8787/v1/notifications/alpha:sandbox', settleAfterMs: 50 },
          { notificationUrl: 'http://127.0.0.1:8787/v1/notifications/beta:sandbox', settleAfterMs: 50 },
        ]),
      );
      expect(sandbox.demoOrders.get('alpha:sandbox')?.map((order) => order.orderId)).toEqual([
        'alpha-demo-1',
        'alpha-demo-2',
      ]);
      expect(sandbox.warnings).toEqual([
        'skipped @refunds/failing: its sandbox did not start (failing sandbox could not bind a port)',
        'skipped @refunds/twin: @refunds/alpha already provides plugin "alpha"',
      ]);

      // Both sandboxes take USD: a currency route would be ambiguous, so callers name the account.
      expect(sandbox.config.routes).toEqual([]);
      const alphaUrl = sandbox.sandboxes.get('alpha:sandbox')?.url;
      expect(sandbox.config.accounts['alpha:sandbox']).toEqual({
        package: '@refunds/alpha',
        settings: { merchantId: 'alpha-merchant', baseUrl: alphaUrl },
        secrets: { secretKey: { env: 'REFUNDS_SANDBOX_ALPHA_SECRET_KEY' } },
        // Sandboxes lag only when asked: a short settle window keeps the demo quick.
        reconciliation: { settleWindowMs: 2_000 },
      });
      expect(sandbox.environment).toEqual({
        REFUNDS_SANDBOX_ALPHA_SECRET_KEY: 'alpha-sandbox-secret-0123456789',
        REFUNDS_SANDBOX_BETA_SECRET_KEY: 'beta-sandbox-secret-0123456789',
      });
      expect(sandbox.secretValues.sort()).toEqual(Object.values(sandbox.environment).sort());
      // The config holds no secret value, so it can be printed or logged.
      for (const secret of sandbox.secretValues) expect(JSON.stringify(sandbox.config)).not.toContain(secret);
      expect(parseHostConfig(sandbox.config)).toEqual(sandbox.config);

      const accounts = await loadAccounts(sandbox.config, { environment: sandbox.environment, importModule });
      expect([...accounts.keys()]).toEqual(['alpha:sandbox', 'beta:sandbox']);
      expect(created.get('alpha')).toEqual([
        { merchantId: 'alpha-merchant', baseUrl: alphaUrl, secretKey: 'alpha-sandbox-secret-0123456789' },
      ]);
    } finally {
      await sandbox.close();
      await sandbox.close();
    }
    expect(state.closed).toBe(2);
  });

  it('starts nothing and says so when no provider is installed', async () => {
    const sandbox = await startSandboxAccounts({
      notificationUrl: () => 'http://127.0.0.1/',
      importModule: async () => ({}),
      searchPaths: [join(folder, 'nowhere')],
    });
    expect(sandbox.config).toEqual({ accounts: {}, routes: [] });
    expect(sandbox.warnings).toEqual(['no provider sandbox could be started']);
    await sandbox.close();
  });
});
