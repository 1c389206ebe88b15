import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { hostConfigSchema } from './host-config';
import { HostConfigError, type HostConfigProblem } from './host-config-error';
import { parseHostConfig } from './parse-host-config';

function problemsOf(input: unknown): HostConfigProblem[] {
  try {
    parseHostConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(HostConfigError);
    return (error as HostConfigError).problems;
  }
  throw new Error('expected the config to be refused');
}

const gatepay = {
  package: '@refunds/gatepay',
  settings: { merchantId: 'gp-merchant' },
  secrets: { secretKey: { env: 'GATEPAY_SECRET_KEY' } },
};

describe('parseHostConfig', () => {
  it('accepts a valid config and defaults routes to none', () => {
    expect(parseHostConfig({ accounts: { 'gatepay:main': gatepay } })).toEqual({
      accounts: { 'gatepay:main': gatepay },
      routes: [],
    });
    const secretsFromFile = {
      'iotpay:ca': { package: '@refunds/iotpay', secrets: { key: { file: 'k.pem' } } },
    };
    expect(parseHostConfig({ accounts: secretsFromFile, routes: [] }).accounts).toEqual(secretsFromFile);
  });

  it('names unknown keys at the top level, in an account and in a route', () => {
    expect(
      problemsOf({
        accounts: { 'gatepay:main': { ...gatepay, setings: {} } },
        routes: [{ account: 'gatepay:main', currncy: 'USD' }],
        acounts: {},
      }),
    ).toEqual([
      {
        account: 'gatepay:main',
        field: 'setings',
        message:
          'unknown key "setings"; an account takes only "package", "settings", "secrets", "reconciliation"',
      },
      {
        field: 'routes.0.currncy',
        message: 'unknown key "currncy"; a route takes only "account", "currency", "orderIdPattern"',
      },
      {
        field: 'acounts',
        message: 'unknown key "acounts"; the config takes only "accounts", "routes", "apiKeys", "webhooks"',
      },
    ]);
  });

  it('requires accounts and a package per account', () => {
    expect(problemsOf({ routes: [] })).toEqual([{ field: 'accounts', message: 'is required' }]);
    expect(problemsOf({ accounts: { 'gatepay:main': {} } })).toEqual([
      { account: 'gatepay:main', field: 'package', message: 'is required' },
    ]);
    expect(problemsOf('accounts')).toEqual([{ message: 'the config must be an object' }]);
  });

  it('refuses account ids that are not provider:account', () => {
    expect(problemsOf({ accounts: { gatepay: gatepay, 'GatePay:main': gatepay } })).toEqual([
      {
        account: 'gatepay',
        message: 'account id "gatepay" must look like "provider:account", e.g. "gatepay:main"',
      },
      {
        account: 'GatePay:main',
        message: 'account id "GatePay:main" must look like "provider:account", e.g. "gatepay:main"',
      },
    ]);
  });

  it('refuses a secret given as a value instead of a reference, without repeating it', () => {
    const problems = problemsOf({
      accounts: { 'gatepay:main': { ...gatepay, secrets: { secretKey: 'sk_live_abcdef0123456789' } } },
    });
    expect(problems).toEqual([
      {
        account: 'gatepay:main',
        field: 'secrets.secretKey',
        message:
          'must be { "env": "VARIABLE_NAME" } or { "file": "/path/to/secret" }; the secret value itself never goes in the config file',
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain('sk_live');
  });

  it('refuses a variable name that is not one, without repeating it', () => {
    const problems = problemsOf({
      accounts: { 'gatepay:main': { ...gatepay, secrets: { secretKey: { env: 'sk_live abcdef' } } } },
    });
    expect(problems).toEqual([
      {
        account: 'gatepay:main',
        field: 'secrets.secretKey.env',
        message: 'must be an environment variable name such as GATEPAY_SECRET_KEY',
      },
    ]);
  });

  it('checks route patterns, currencies and accounts', () => {
    expect(
      problemsOf({
        accounts: { 'gatepay:main': gatepay },
        routes: [
          { account: 'gatepay:main', orderIdPattern: 'GP-(\\d+' },
          { account: 'gatepay:main', currency: [] },
          { account: 'iotpay:ca', currency: 'CAD' },
        ],
      }),
    ).toEqual([
      {
        field: 'routes.0.orderIdPattern',
        message: 'is not a valid regular expression (Unterminated group)',
      },
      { field: 'routes.1.currency', message: 'must be a currency code such as "USDT", or a list of them' },
      {
        field: 'routes.2.account',
        message:
          'route 3 names account "iotpay:ca", which is not under "accounts"; known accounts: gatepay:main',
      },
    ]);
  });

  it('refuses at start a pattern that can backtrack catastrophically, naming the route and field', () => {
    const problems = problemsOf({
      accounts: { 'gatepay:main': gatepay },
      routes: [
        { account: 'gatepay:main', orderIdPattern: 'GP-\\d+' },
        { account: 'gatepay:main', orderIdPattern: '(a+)+b' },
        { account: 'gatepay:main', orderIdPattern: '(a|a)*b' },
      ],
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'routes.1.orderIdPattern',
      'routes.2.orderIdPattern',
    ]);
    for (const problem of problems) {
      expect(problem.message).toMatch(
        /^could backtrack catastrophically: one hostile order id would then freeze/,
      );
    }
    expect(new HostConfigError(problems).message).toContain(
      '  - field routes.1.orderIdPattern: could backtrack catastrophically',
    );
  });

  it('reports an invalid pattern once, not also as unsafe', () => {
    expect(
      problemsOf({
        accounts: { 'gatepay:main': gatepay },
        routes: [{ account: 'gatepay:main', orderIdPattern: '(a+' }],
      }),
    ).toEqual([
      { field: 'routes.0.orderIdPattern', message: 'is not a valid regular expression (Unterminated group)' },
    ]);
  });

  it('takes per-account reconciliation timing in whole milliseconds', () => {
    const account = { ...gatepay, reconciliation: { settleWindowMs: 30_000, maximumPendingMs: 86_400_000 } };
    expect(parseHostConfig({ accounts: { 'gatepay:main': account } }).accounts['gatepay:main']).toEqual(
      account,
    );
    expect(
      parseHostConfig({ accounts: { 'gatepay:main': { ...gatepay, reconciliation: {} } } }).accounts[
        'gatepay:main'
      ]?.reconciliation,
    ).toEqual({});
  });

  it('refuses reconciliation timing that is not a positive whole number of milliseconds, naming the field', () => {
    const message = 'must be a positive whole number of milliseconds';
    expect(
      problemsOf({
        accounts: {
          'gatepay:main': { ...gatepay, reconciliation: { settleWindowMs: 0, maximumPendingMs: 1.5 } },
          'gatepay:eu': { ...gatepay, reconciliation: { settleWindowMs: -1, maximumPendingMs: '60000' } },
          'gatepay:us': { ...gatepay, reconciliation: { settleWindow: 5 } },
          'gatepay:uk': { ...gatepay, reconciliation: 5 },
        },
      }),
    ).toEqual([
      { account: 'gatepay:main', field: 'reconciliation.settleWindowMs', message },
      { account: 'gatepay:main', field: 'reconciliation.maximumPendingMs', message },
      { account: 'gatepay:eu', field: 'reconciliation.settleWindowMs', message },
      { account: 'gatepay:eu', field: 'reconciliation.maximumPendingMs', message },
      {
        account: 'gatepay:us',
        field: 'reconciliation.settleWindow',
        message: 'unknown key "settleWindow"; reconciliation takes only "settleWindowMs", "maximumPendingMs"',
      },
      { account: 'gatepay:uk', field: 'reconciliation', message: 'reconciliation must be an object' },
    ]);
  });

  it('reports a route naming an unknown account from the schema alone once the structure is valid', () => {
    const result = v.safeParse(hostConfigSchema, {
      accounts: { 'gatepay:main': gatepay },
      routes: [{ account: 'gatepay:eu', currency: ['EUR', 'USD'] }],
    });
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.message])).toEqual([
      [
        'routes.0.account',
        'route 1 names account "gatepay:eu", which is not under "accounts"; known accounts: gatepay:main',
      ],
    ]);
  });

  it('names the source in the error message, one problem per line', () => {
    try {
      parseHostConfig(
        { accounts: { gatepay: gatepay }, extra: true },
        { source: '/etc/refunds.config.json' },
      );
    } catch (error) {
      expect((error as Error).message).toBe(
        [
          'Invalid refunds configuration in /etc/refunds.config.json (2 problems):',
          '  - account gatepay: account id "gatepay" must look like "provider:account", e.g. "gatepay:main"',
          '  - field extra: unknown key "extra"; the config takes only "accounts", "routes", "apiKeys", "webhooks"',
        ].join('\n'),
      );
      return;
    }
    throw new Error('expected the config to be refused');
  });
});

describe('parseHostConfig: webhooks', () => {
  const endpoint = {
    id: 'shop',
    url: 'https://shop.example/hooks/refunds',
    secret: { env: 'SHOP_WEBHOOK_SECRET' },
    events: ['refund.succeeded', 'refund.failed', 'refund.needs_attention'],
  };

  it('accepts endpoints as the README shows them, events optional', () => {
    const config = parseHostConfig({
      accounts: { 'gatepay:main': gatepay },
      webhooks: {
        endpoints: [endpoint, { id: 'audit', url: 'http://10.0.0.5:8080/in', secret: { file: 's' } }],
      },
    });
    expect(config.webhooks?.endpoints.map((entry) => entry.id)).toEqual(['shop', 'audit']);
    expect(config.webhooks?.endpoints[1]?.events).toBeUndefined();
  });

  it('refuses a bad URL, an inline secret, an unknown event and a repeated id, naming each field', () => {
    const problems = problemsOf({
      accounts: { 'gatepay:main': gatepay },
      webhooks: {
        endpoints: [
          { ...endpoint, url: 'ftp://shop.example/hooks' },
          { ...endpoint, id: 'two', url: 'https://user:hunter2@shop.example/' },
          { ...endpoint, id: 'three', url: 'not a url' },
          { ...endpoint, id: 'four', secret: 'whsec_c2VjcmV0LXZhbHVlLW9mLXR3ZW50eS1mb3VyLWJ5dGVz' },
          { ...endpoint, id: 'five', events: ['refund.done'] },
          { ...endpoint, id: 'five', events: [] },
        ],
        timeoutMs: 0,
      },
    });
    const byField = Object.fromEntries(problems.map((problem) => [problem.field, problem.message]));
    expect(byField['webhooks.endpoints.0.url']).toBe('must be an http:// or https:// URL');
    expect(byField['webhooks.endpoints.1.url']).toMatch(/must not hold a user name or password/);
    expect(byField['webhooks.endpoints.2.url']).toMatch(/must be an absolute URL/);
    expect(byField['webhooks.endpoints.3.secret']).toMatch(/never goes in the config file/);
    expect(byField['webhooks.endpoints.4.events.0']).toMatch(/must be one of "refund.pending"/);
    expect(byField['webhooks.endpoints.5.events']).toMatch(/at least one event type/);
    expect(byField['webhooks.timeoutMs']).toMatch(/positive whole number of milliseconds/);
    // Neither the inline secret nor the URL's password reaches the message an operator may paste somewhere.
    expect(JSON.stringify(problems)).not.toMatch(/hunter2|c2VjcmV0/);
  });

  it('refuses two endpoints with one id', () => {
    const problems = problemsOf({
      accounts: { 'gatepay:main': gatepay },
      webhooks: { endpoints: [endpoint, endpoint] },
    });
    expect(problems).toEqual([
      {
        field: 'webhooks.endpoints',
        message: 'must not name two endpoints alike: the id is what deliveries record',
      },
    ]);
  });
});
