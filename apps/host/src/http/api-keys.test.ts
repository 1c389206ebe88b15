import { describe, expect, it } from 'vitest';
import { allows, apiKeyProblems, findApiKey, type NamedApiKey, toNamedApiKeys } from './api-keys';

const keys: NamedApiKey[] = [
  { name: 'shop', role: 'service', secret: 'sk_service_0123456789abcdefghij' },
  { name: 'ops-alice', role: 'operator', secret: 'sk_operator_0123456789abcdefgh' },
  { name: 'audit', role: 'viewer', secret: 'sk_viewer_0123456789abcdefghijk' },
];

describe('allows', () => {
  it('lets a viewer read, a service create and sync, and only an operator resolve and resend', () => {
    const table = Object.fromEntries(
      (['viewer', 'service', 'operator'] as const).map((role) => [
        role,
        (['read', 'create', 'sync', 'resolve', 'resend'] as const).filter((action) => allows(role, action)),
      ]),
    );
    expect(table).toEqual({
      viewer: ['read'],
      service: ['read', 'create', 'sync'],
      operator: ['read', 'create', 'sync', 'resolve', 'resend'],
    });
  });
});

describe('findApiKey', () => {
  it('finds the key by its secret, whatever its position', () => {
    for (const key of keys) expect(findApiKey(keys, key.secret)).toBe(key);
  });

  it('finds nothing for an empty, a wrong, a prefix or an extended secret', () => {
    expect(findApiKey(keys, '')).toBeUndefined();
    expect(findApiKey(keys, 'sk_wrong')).toBeUndefined();
    expect(findApiKey(keys, keys[0]?.secret.slice(0, -1) ?? '')).toBeUndefined();
    expect(findApiKey(keys, `${keys[0]?.secret}x`)).toBeUndefined();
    expect(findApiKey([], keys[0]?.secret ?? '')).toBeUndefined();
  });
});

describe('toNamedApiKeys', () => {
  it('names bare keys key-1, key-2, ... with every role, and keeps named ones', () => {
    const named = keys[2] as NamedApiKey;
    expect(toNamedApiKeys(['first-key-0123456789abcdef', named, 'second-key-0123456789abcde'])).toEqual([
      { name: 'key-1', role: 'operator', secret: 'first-key-0123456789abcdef' },
      named,
      { name: 'key-2', role: 'operator', secret: 'second-key-0123456789abcde' },
    ]);
  });
});

describe('apiKeyProblems', () => {
  it('refuses a key shorter than 24 characters, naming it and never its secret', () => {
    const problems = apiKeyProblems([{ name: 'key-1', role: 'operator', secret: 'sk_test_e2e_3f9a7c1d5b' }]);
    expect(problems).toEqual([expect.stringContaining('API key key-1 is 22 characters; use at least 24')]);
    expect(problems.join()).not.toContain('sk_test_e2e_3f9a7c1d5b');
    expect(apiKeyProblems([{ name: 'ok', role: 'viewer', secret: 'x'.repeat(24) }])).toEqual([]);
  });

  it('refuses one name used twice', () => {
    const secret = 'y'.repeat(30);
    expect(
      apiKeyProblems([
        { name: 'same', role: 'viewer', secret },
        { name: 'same', role: 'operator', secret: `${secret}z` },
      ]),
    ).toEqual(['API key name same is used twice']);
  });
});
