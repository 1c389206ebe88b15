import type { HttpHooks, NonceSource, PluginContext } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import type { HostConfig } from '../config/host-config';
import { HostConfigError } from '../config/host-config-error';
import { type CreatedSettings, type FakePluginOptions, fakePlugin } from './__fixtures__/fake-provider';
import { loadAccounts } from './load-accounts';

const gatepaySecret = 'gp_live_secret_value_0123456789';
const iotpaySecret = 'iot_live_secret_value_987654321';

function modules(created: CreatedSettings = new Map()): Record<string, unknown> {
  return {
    '@refunds/gatepay': { default: fakePlugin('gatepay', created) },
    '@refunds/iotpay': { default: fakePlugin('iotpay', created) },
  };
}

function importFrom(available: Record<string, unknown>) {
  return async (specifier: string): Promise<unknown> => {
    if (!Object.hasOwn(available, specifier)) {
      throw Object.assign(new Error(`Cannot find package '${specifier}' imported from /host`), {
        code: 'ERR_MODULE_NOT_FOUND',
      });
    }
    return available[specifier];
  };
}

async function loadError(
  config: HostConfig,
  options: Parameters<typeof loadAccounts>[1],
): Promise<HostConfigError> {
  const error = await loadAccounts(config, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HostConfigError);
  return error as HostConfigError;
}

describe('loadAccounts', () => {
  it('creates each provider with settings merged from the config and its secrets', async () => {
    const created: CreatedSettings = new Map();
    const hooks: HttpHooks = { onRequest: () => {} };
    const accounts = await loadAccounts(
      {
        accounts: {
          'gatepay:main': {
            package: '@refunds/gatepay',
            settings: { merchantId: 'gp-merchant', baseUrl: 'https://gatepay.test' },
            secrets: { secretKey: { env: 'GATEPAY_SECRET_KEY' } },
          },
          'iotpay:ca': {
            package: '@refunds/iotpay',
            settings: { merchantId: 'iot-merchant' },
            secrets: { secretKey: { file: '/run/secrets/iotpay' } },
          },
        },
        routes: [],
      },
      {
        environment: { GATEPAY_SECRET_KEY: gatepaySecret },
        readFile: async (path) => {
          expect(path).toBe('/run/secrets/iotpay');
          return `${iotpaySecret}\n`;
        },
        importModule: importFrom(modules(created)),
        hooks: (accountId) => (accountId === 'gatepay:main' ? hooks : {}),
      },
    );

    expect([...accounts.keys()]).toEqual(['gatepay:main', 'iotpay:ca']);
    const gatepay = accounts.get('gatepay:main');
    expect(gatepay?.packageName).toBe('@refunds/gatepay');
    expect(gatepay?.plugin.id).toBe('gatepay');
    expect(gatepay?.provider.provider).toBe('gatepay');
    expect(gatepay?.secretValues).toEqual([gatepaySecret]);
    expect(accounts.get('iotpay:ca')?.secretValues).toEqual([iotpaySecret]);
    expect(created.get('gatepay')).toEqual([
      { merchantId: 'gp-merchant', baseUrl: 'https://gatepay.test', secretKey: gatepaySecret, hooks },
    ]);
    // The trailing newline of the file is not part of the secret.
    expect(created.get('iotpay')?.[0]?.secretKey).toBe(iotpaySecret);
  });

  it('imports a package once however many accounts use it', async () => {
    const imported: string[] = [];
    const available = modules();
    await loadAccounts(
      {
        accounts: {
          'gatepay:eu': {
            package: '@refunds/gatepay',
            settings: { merchantId: 'eu-merchant' },
            secrets: { secretKey: { env: 'GATEPAY_EU_SECRET_KEY' } },
          },
          'gatepay:us': {
            package: '@refunds/gatepay',
            settings: { merchantId: 'us-merchant' },
            secrets: { secretKey: { env: 'GATEPAY_US_SECRET_KEY' } },
          },
        },
        routes: [],
      },
      {
        environment: { GATEPAY_EU_SECRET_KEY: gatepaySecret, GATEPAY_US_SECRET_KEY: iotpaySecret },
        importModule: async (specifier) => {
          imported.push(specifier);
          return importFrom(available)(specifier);
        },
      },
    );
    expect(imported).toEqual(['@refunds/gatepay']);
  });

  it('refuses a secret written inline and says how to move it to the environment', async () => {
    const error = await loadError(
      {
        accounts: {
          'gatepay:main': {
            package: '@refunds/gatepay',
            settings: { merchantId: 'gp-merchant', secretKey: gatepaySecret },
          },
        },
        routes: [],
      },
      { environment: {}, importModule: importFrom(modules()) },
    );
    expect(error.problems).toEqual([
      {
        account: 'gatepay:main',
        field: 'settings.secretKey',
        message:
          'secret `secretKey` of account gatepay:main is written inline in the config file; move it to an environment variable: "secrets": { "secretKey": { "env": "GATEPAY_SECRET_KEY" } }',
      },
    ]);
    expect(error.message).not.toContain(gatepaySecret);
  });

  it('suggests a per-account variable when several accounts share a provider', async () => {
    const error = await loadError(
      {
        accounts: {
          'gatepay:eu': {
            package: '@refunds/gatepay',
            settings: { merchantId: 'eu1', secretKey: gatepaySecret },
          },
          'gatepay:us': {
            package: '@refunds/gatepay',
            settings: { merchantId: 'us1' },
            secrets: { secretKey: { env: 'GATEPAY_US_SECRET_KEY' } },
          },
        },
        routes: [],
      },
      { environment: { GATEPAY_US_SECRET_KEY: iotpaySecret }, importModule: importFrom(modules()) },
    );
    expect(error.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('"secrets": { "secretKey": { "env": "GATEPAY_EU_SECRET_KEY" } }'),
    ]);
  });

  it('refuses to let accounts of one provider fall back to its shared default variable', async () => {
    const error = await loadError(
      {
        accounts: {
          'gatepay:eu': { package: '@refunds/gatepay', settings: { merchantId: 'eu1' } },
          'gatepay:us': {
            package: '@refunds/gatepay',
            settings: { merchantId: 'us1' },
            secrets: { secretKey: { env: 'GATEPAY_US_SECRET_KEY' } },
          },
        },
        routes: [],
      },
      {
        environment: { GATEPAY_SECRET_KEY: gatepaySecret, GATEPAY_US_SECRET_KEY: iotpaySecret },
        importModule: importFrom(modules()),
      },
    );
    expect(error.problems).toEqual([
      {
        account: 'gatepay:eu',
        field: 'secrets.secretKey',
        message: expect.stringMatching(/fall back to GATEPAY_SECRET_KEY.*"env": "GATEPAY_EU_SECRET_KEY"/),
      },
    ]);
  });

  it('reports every problem of every account at once, naming account and field', async () => {
    const error = await loadError(
      {
        accounts: {
          'gatepay:main': {
            package: '@refunds/gatepay',
            settings: { merchantId: 'gp', baseUrl: 'not a url', timeoutMs: '30' },
            secrets: { secretKey: { env: 'GATEPAY_SECRET_KEY' } },
          },
          'iotpay:ca': {
            package: '@refunds/iotpay',
            settings: { merchantId: 'iot-merchant', region: 'ca' },
            secrets: { secretKey: { env: 'IOTPAY_SECRET_KEY' } },
          },
          'bonuspay:main': {
            package: '@refunds/bonuspay',
            secrets: { secretKey: { env: 'BONUSPAY_SECRET_KEY' } },
          },
        },
        routes: [],
      },
      { environment: { GATEPAY_SECRET_KEY: gatepaySecret }, importModule: importFrom(modules()) },
    );

    const located = error.problems.map((problem) => [problem.account, problem.field]);
    expect(located).toEqual(
      expect.arrayContaining([
        ['gatepay:main', 'settings.merchantId'],
        ['gatepay:main', 'settings.baseUrl'],
        ['gatepay:main', 'settings.timeoutMs'],
        ['iotpay:ca', 'secrets.secretKey'],
        ['iotpay:ca', 'settings.region'],
        ['bonuspay:main', 'package'],
        ['bonuspay:main', 'secrets.secretKey'],
      ]),
    );
    expect(error.problems).toHaveLength(7);
    expect(error.problems).toContainEqual({
      account: 'iotpay:ca',
      field: 'secrets.secretKey',
      message: 'secret `secretKey` of account iotpay:ca: environment variable IOTPAY_SECRET_KEY is not set',
    });
    expect(error.problems).toContainEqual({
      account: 'bonuspay:main',
      field: 'package',
      message:
        'package @refunds/bonuspay is not installed where the host can import it; install it (npm install @refunds/bonuspay)',
    });
    // One line per problem after the heading.
    expect(error.message.split('\n')).toHaveLength(8);
    expect(error.message).toContain('account gatepay:main, field settings.baseUrl: ');
  });

  it('reports an empty variable and an unreadable file', async () => {
    const error = await loadError(
      {
        accounts: {
          'gatepay:main': {
            package: '@refunds/gatepay',
            settings: { merchantId: 'gp-merchant' },
            secrets: { secretKey: { env: 'GATEPAY_SECRET_KEY' } },
          },
          'iotpay:ca': {
            package: '@refunds/iotpay',
            settings: { merchantId: 'iot-merchant' },
            secrets: { secretKey: { file: '/run/secrets/missing' } },
          },
        },
        routes: [],
      },
      {
        environment: { GATEPAY_SECRET_KEY: '' },
        readFile: async () => {
          throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
        },
        importModule: importFrom(modules()),
      },
    );
    expect(error.problems).toEqual([
      {
        account: 'gatepay:main',
        field: 'secrets.secretKey',
        message:
          'secret `secretKey` of account gatepay:main: environment variable GATEPAY_SECRET_KEY is empty',
      },
      {
        account: 'iotpay:ca',
        field: 'secrets.secretKey',
        message:
          'secret `secretKey` of account iotpay:ca: cannot read file /run/secrets/missing (no such file)',
      },
    ]);
  });

  it('never puts a secret value in a problem, even when the secret itself is invalid', async () => {
    const shortSecret = 'tooShortSecret';
    const misplacedSecret = 'sk_live_pasted_into_a_plain_setting';
    const error = await loadError(
      {
        accounts: {
          'gatepay:main': {
            package: '@refunds/gatepay',
            // A secret pasted where a plain setting goes: the schema refuses it, without quoting it.
            settings: { merchantId: 'gp-merchant', baseUrl: misplacedSecret },
            secrets: { secretKey: { env: 'GATEPAY_SECRET_KEY' } },
          },
          'iotpay:ca': {
            package: '@refunds/iotpay',
            settings: { merchantId: 'iot-merchant', secretKey: iotpaySecret },
          },
        },
        routes: [],
      },
      { environment: { GATEPAY_SECRET_KEY: shortSecret }, importModule: importFrom(modules()) },
    );
    expect(error.problems.map((problem) => `${problem.account} ${problem.field}`).sort()).toEqual([
      'gatepay:main secrets.secretKey',
      'gatepay:main settings.baseUrl',
      'iotpay:ca settings.secretKey',
    ]);
    for (const text of [error.message, JSON.stringify(error.problems)]) {
      expect(text).not.toContain(shortSecret);
      expect(text).not.toContain(misplacedSecret);
      expect(text).not.toContain(iotpaySecret);
    }
  });

  it('redacts a secret from a message the plugin itself wrote', async () => {
    const leakyPlugin = {
      ...fakePlugin('gatepay'),
      create: (settings: Record<string, unknown>) => {
        throw new Error(`cannot use key ${String(settings.secretKey)}`);
      },
    };
    const error = await loadError(
      {
        accounts: {
          'gatepay:main': {
            package: '@refunds/gatepay',
            settings: { merchantId: 'gp-merchant' },
            secrets: { secretKey: { env: 'GATEPAY_SECRET_KEY' } },
          },
        },
        routes: [],
      },
      {
        environment: { GATEPAY_SECRET_KEY: gatepaySecret },
        importModule: importFrom({ '@refunds/gatepay': { default: leakyPlugin } }),
      },
    );
    expect(error.problems).toEqual([
      { account: 'gatepay:main', message: 'creating the gatepay provider failed: cannot use key [REDACTED]' },
    ]);
  });

  it('names the package and what it found when the plugin is for another specification', async () => {
    const error = await loadError(
      {
        accounts: {
          'gatepay:main': { package: '@refunds/gatepay', settings: { merchantId: 'gp-merchant' } },
          'iotpay:ca': { package: '@refunds/iotpay', settings: { merchantId: 'iot-merchant' } },
        },
        routes: [],
      },
      {
        environment: {},
        importModule: importFrom({
          '@refunds/gatepay': { default: { ...fakePlugin('gatepay'), specificationVersion: 'refunds-v2' } },
          '@refunds/iotpay': { createIotPay: () => undefined },
        }),
      },
    );
    expect(error.problems).toEqual([
      {
        account: 'gatepay:main',
        field: 'package',
        message:
          '@refunds/gatepay implements specificationVersion "refunds-v2", but this host supports "refunds-v1"; install a version of it built for refunds-v1',
      },
      {
        account: 'iotpay:ca',
        field: 'package',
        message:
          '@refunds/iotpay has no default export (it exports createIotPay), so it is not a refunds plugin',
      },
    ]);
  });

  it('refuses an account id whose provider is not the plugin it loads', async () => {
    const error = await loadError(
      {
        accounts: {
          'gatepay:main': {
            package: '@refunds/iotpay',
            settings: { merchantId: 'iot-merchant' },
            secrets: { secretKey: { env: 'IOTPAY_SECRET_KEY' } },
          },
        },
        routes: [],
      },
      { environment: { IOTPAY_SECRET_KEY: iotpaySecret }, importModule: importFrom(modules()) },
    );
    expect(error.problems).toEqual([
      {
        account: 'gatepay:main',
        message:
          'account id "gatepay:main" names provider "gatepay", but @refunds/iotpay is the "iotpay" plugin; name the account "iotpay:main"',
      },
    ]);
  });

  it('validates the config shape before importing anything', async () => {
    const error = await loadError(
      { accounts: { gatepay: { package: '@refunds/gatepay' } }, routes: [] },
      {
        importModule: () => {
          throw new Error('must not import');
        },
      },
    );
    expect(error.problems).toEqual([
      {
        account: 'gatepay',
        message: 'account id "gatepay" must look like "provider:account", e.g. "gatepay:main"',
      },
    ]);
  });

  describe('reconciliation timing', () => {
    const account = (reconciliation?: { settleWindowMs?: number; maximumPendingMs?: number }) => ({
      package: '@refunds/gatepay',
      settings: { merchantId: 'gp-merchant' },
      secrets: { secretKey: { env: 'GATEPAY_SECRET_KEY' } },
      ...(reconciliation === undefined ? {} : { reconciliation }),
    });
    const load = (
      accounts: Record<string, ReturnType<typeof account>>,
      pluginOptions: FakePluginOptions = {},
    ) =>
      loadAccounts(
        { accounts, routes: [] },
        {
          environment: { GATEPAY_SECRET_KEY: gatepaySecret },
          importModule: importFrom({
            '@refunds/gatepay': { default: fakePlugin('gatepay', new Map(), pluginOptions) },
          }),
        },
      );

    it("takes the provider's defaults when the account sets none", async () => {
      const accounts = await load(
        { 'gatepay:main': account() },
        { reconciliation: { settleWindowMs: 120_000, maximumPendingMs: 86_400_000 } },
      );
      expect(accounts.get('gatepay:main')?.reconciliation).toEqual({
        settleWindowMs: 120_000,
        maximumPendingMs: 86_400_000,
      });
    });

    it("lays each account's settings over the provider's defaults, key by key", async () => {
      const accounts = await load(
        {
          'gatepay:main': account({ settleWindowMs: 600_000 }),
          'gatepay:eu': account({ settleWindowMs: 5_000, maximumPendingMs: 3_600_000 }),
        },
        { reconciliation: { settleWindowMs: 120_000, maximumPendingMs: 86_400_000 } },
      );
      expect(accounts.get('gatepay:main')?.reconciliation).toEqual({
        settleWindowMs: 600_000,
        maximumPendingMs: 86_400_000,
      });
      expect(accounts.get('gatepay:eu')?.reconciliation).toEqual({
        settleWindowMs: 5_000,
        maximumPendingMs: 3_600_000,
      });
    });

    it('leaves out what neither sets, so the host default applies', async () => {
      const accounts = await load({ 'gatepay:main': account({ maximumPendingMs: 60_000 }) });
      expect(accounts.get('gatepay:main')?.reconciliation).toEqual({ maximumPendingMs: 60_000 });
      const bare = await load({ 'gatepay:main': account() });
      expect(bare.get('gatepay:main')?.reconciliation).toEqual({});
    });

    it('refuses a setting that is not a positive whole number of milliseconds before importing', async () => {
      const error = await loadError(
        { accounts: { 'gatepay:main': account({ settleWindowMs: -5 }) }, routes: [] },
        {
          importModule: () => {
            throw new Error('must not import');
          },
        },
      );
      expect(error.problems).toEqual([
        {
          account: 'gatepay:main',
          field: 'reconciliation.settleWindowMs',
          message: 'must be a positive whole number of milliseconds',
        },
      ]);
    });
  });

  describe('plugin context', () => {
    const config = {
      accounts: {
        'gatepay:main': {
          package: '@refunds/gatepay',
          settings: { merchantId: 'gp-merchant' },
          secrets: { secretKey: { env: 'GATEPAY_SECRET_KEY' } },
        },
        'iotpay:ca': {
          package: '@refunds/iotpay',
          settings: { merchantId: 'iot-merchant' },
          secrets: { secretKey: { env: 'IOTPAY_SECRET_KEY' } },
        },
      },
      routes: [],
    };
    const environment = { GATEPAY_SECRET_KEY: gatepaySecret, IOTPAY_SECRET_KEY: iotpaySecret };

    it("hands every plugin's create the host's context as its second argument", async () => {
      const contexts: (PluginContext | undefined)[] = [];
      const nonceSource = (_scope: string): NonceSource => ({ next: async (floor) => floor + 1 });
      const pluginContext: PluginContext = { nonceSource };
      await loadAccounts(config, {
        environment,
        pluginContext,
        importModule: importFrom({
          '@refunds/gatepay': { default: fakePlugin('gatepay', new Map(), { contexts }) },
          '@refunds/iotpay': { default: fakePlugin('iotpay', new Map(), { contexts }) },
        }),
      });
      expect(contexts).toHaveLength(2);
      for (const context of contexts) expect(context).toBe(pluginContext);
    });

    it('hands none when the caller has none, as an application without a host would', async () => {
      const contexts: (PluginContext | undefined)[] = [];
      await loadAccounts(config, {
        environment,
        importModule: importFrom({
          '@refunds/gatepay': { default: fakePlugin('gatepay', new Map(), { contexts }) },
          '@refunds/iotpay': { default: fakePlugin('iotpay', new Map(), { contexts }) },
        }),
      });
      expect(contexts).toEqual([undefined, undefined]);
    });
  });
});
