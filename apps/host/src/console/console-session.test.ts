import { describe, expect, it } from 'vitest';
import type { NamedApiKey } from '../http/api-keys';
import {
  createSessionToken,
  csrfTokenOf,
  isSessionCsrfToken,
  readSessionToken,
  sessionLifetimeMs,
} from './console-session';

const operator: NamedApiKey = {
  name: 'ops.alice',
  secret: 'operator-secret-0123456789abcdef',
  role: 'operator',
};
const viewer: NamedApiKey = { name: 'viewer', secret: 'viewer-secret-0123456789abcdefgh', role: 'viewer' };
const keys = [operator, viewer];

describe('console session tokens', () => {
  it('name the key and its role, but never carry its secret', () => {
    const { token, session } = createSessionToken(operator, 1_000);
    expect(token).not.toContain(operator.secret);
    expect(readSessionToken(keys, token, 2_000)).toEqual(session);
    expect(session.key).toBe(operator);
    expect(session.expiresAt).toBe(1_000 + sessionLifetimeMs);
  });

  it('give every sign-in its own session id', () => {
    expect(createSessionToken(operator).session.id).not.toBe(createSessionToken(operator).session.id);
  });

  it('end at their expiry', () => {
    const { token } = createSessionToken(operator, 1_000);
    expect(readSessionToken(keys, token, 1_000 + sessionLifetimeMs - 1)).toBeDefined();
    expect(readSessionToken(keys, token, 1_000 + sessionLifetimeMs)).toBeUndefined();
  });

  it('refuse a token whose key was removed or rotated', () => {
    const { token } = createSessionToken(operator);
    expect(readSessionToken([viewer], token)).toBeUndefined();
    expect(
      readSessionToken([{ ...operator, secret: 'rotated-secret-0123456789abcdefgh' }], token),
    ).toBeUndefined();
  });

  it('take the role from the configuration as it is now', () => {
    const { token } = createSessionToken(operator);
    expect(readSessionToken([{ ...operator, role: 'viewer' }], token)?.key.role).toBe('viewer');
  });

  it('refuse a token edited to name another key, a later expiry or another session', () => {
    const { token } = createSessionToken(viewer);
    const [version, , id, expiry, signature] = token.split('.');
    const renamed = [version, Buffer.from(operator.name).toString('base64url'), id, expiry, signature].join(
      '.',
    );
    const extended = [
      version,
      Buffer.from(viewer.name).toString('base64url'),
      id,
      '9999999999999',
      signature,
    ];
    const otherSession = [version, Buffer.from(viewer.name).toString('base64url'), 'x', expiry, signature];
    expect(readSessionToken(keys, renamed)).toBeUndefined();
    expect(readSessionToken(keys, extended.join('.'))).toBeUndefined();
    expect(readSessionToken(keys, otherSession.join('.'))).toBeUndefined();
  });

  it('refuse what is not a token', () => {
    for (const token of [
      undefined,
      '',
      'v1',
      'v1.a.b.c',
      'v2.a.b.1.d',
      'v1.a.b.soon.d',
      `${operator.secret}`,
    ]) {
      expect(readSessionToken(keys, token)).toBeUndefined();
    }
  });
});

describe('console CSRF tokens', () => {
  it('are the session’s own: another session’s or key’s token is refused', () => {
    const first = createSessionToken(operator).session;
    const second = createSessionToken(operator).session;
    expect(isSessionCsrfToken(first, csrfTokenOf(first))).toBe(true);
    expect(isSessionCsrfToken(first, csrfTokenOf(second))).toBe(false);
    expect(isSessionCsrfToken(first, csrfTokenOf({ ...first, key: viewer }))).toBe(false);
  });

  it('are refused when missing, empty or not text', () => {
    const { session } = createSessionToken(operator);
    for (const presented of [undefined, '', 42, ['x']])
      expect(isSessionCsrfToken(session, presented)).toBe(false);
  });

  it('are never the session token’s signature', () => {
    const { token, session } = createSessionToken(operator);
    expect(isSessionCsrfToken(session, token.split('.').at(-1))).toBe(false);
  });
});
