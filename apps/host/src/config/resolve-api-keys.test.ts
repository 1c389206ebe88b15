import { describe, expect, it } from 'vitest';
import { HostConfigError } from './host-config-error';
import { parseHostConfig } from './parse-host-config';
import { resolveApiKeys } from './resolve-api-keys';

const aliceSecret = 'sk_alice_0123456789abcdefghijkl';
const fileSecret = 'sk_viewer_from_file_0123456789ab';

const config = (apiKeys: unknown) => parseHostConfig({ accounts: {}, apiKeys });

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HostConfigError);
  return (error as HostConfigError).problems.map((problem) => `${problem.field}: ${problem.message}`);
}

describe('resolveApiKeys', () => {
  it('reads named keys from the environment and files, after the bare keys named key-1, key-2', async () => {
    const keys = await resolveApiKeys(
      config([
        { name: 'ops-alice', role: 'operator', secret: { env: 'ALICE_KEY' } },
        { name: 'audit', role: 'viewer', secret: { file: '/run/secrets/audit' } },
      ]),
      {
        keys: ['sk_bare_one_0123456789abcdef', 'sk_bare_two_0123456789abcdef'],
        environment: { ALICE_KEY: aliceSecret },
        readFile: async (path) => (path === '/run/secrets/audit' ? `${fileSecret}\n` : ''),
      },
    );
    expect(keys).toEqual([
      { name: 'key-1', role: 'operator', secret: 'sk_bare_one_0123456789abcdef' },
      { name: 'key-2', role: 'operator', secret: 'sk_bare_two_0123456789abcdef' },
      { name: 'ops-alice', role: 'operator', secret: aliceSecret },
      { name: 'audit', role: 'viewer', secret: fileSecret },
    ]);
  });

  it('refuses to start on a short key, a missing secret or a shared secret, naming keys and never secrets', async () => {
    const problems = await problemsOf(
      resolveApiKeys(
        config([
          { name: 'short', role: 'service', secret: { env: 'SHORT_KEY' } },
          { name: 'missing', role: 'viewer', secret: { env: 'NOT_SET' } },
          { name: 'copy', role: 'viewer', secret: { env: 'ALICE_KEY' } },
        ]),
        { keys: [aliceSecret], environment: { SHORT_KEY: 'sk_short_123', ALICE_KEY: aliceSecret } },
      ),
    );
    expect(problems).toEqual([
      'apiKeys.1.secret: API key missing: environment variable NOT_SET is not set',
      'apiKeys: API key short is 12 characters; use at least 24 (e.g. `openssl rand -hex 24`)',
      'apiKeys: two API keys share one secret: each key must be its own, or the ledger cannot say who acted',
    ]);
    expect(problems.join()).not.toContain('sk_short_123');
    expect(problems.join()).not.toContain(aliceSecret);
  });

  it('refuses a bare key shorter than 24 characters', async () => {
    expect(
      await problemsOf(
        resolveApiKeys(config(undefined), { keys: ['sk_test_e2e_3f9a7c1d5b'], environment: {} }),
      ),
    ).toEqual(['apiKeys: API key key-1 is 22 characters; use at least 24 (e.g. `openssl rand -hex 24`)']);
  });
});

describe('the config file names keys', () => {
  it('refuses an inline secret, an unknown role and a name used twice', () => {
    let error: unknown;
    try {
      config([
        { name: 'inline', role: 'operator', secret: 'sk_inline_0123456789abcdefghij' },
        { name: 'twice', role: 'admin', secret: { env: 'A' } },
        { name: 'twice', role: 'viewer', secret: { env: 'B' } },
      ]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HostConfigError);
    const message = (error as Error).message;
    expect(message).toContain(
      'apiKeys.0.secret: must be { "env": "VARIABLE_NAME" } or { "file": "/path/to/secret" }',
    );
    expect(message).toContain('apiKeys.1.role: must be "service", "operator" or "viewer"');
    expect(message).not.toContain('sk_inline_0123456789abcdefghij');
  });
});
