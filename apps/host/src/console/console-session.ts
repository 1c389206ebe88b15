import { createHmac, randomBytes } from 'node:crypto';
import { timingSafeEqual } from '@refunds/core';
import type { NamedApiKey } from '../http/api-keys';

/** How long a console sign-in lasts: a working day, then the key is asked for again. */
export const sessionLifetimeMs = 8 * 60 * 60 * 1000;

export interface ConsoleSession {
  /** Random, never reused: what sign-out revokes and what the session's CSRF token is derived from. */
  id: string;
  key: NamedApiKey;
  expiresAt: number;
}

/**
 * The cookie's value for a new session: the key's name, a random session id and the expiry, signed with an HMAC
 * keyed by the API key's own secret. The secret never leaves the server, every host instance with the same keys
 * accepts the token, and removing or rotating a key ends its sessions.
 */
export function createSessionToken(
  key: NamedApiKey,
  now = Date.now(),
): { token: string; session: ConsoleSession } {
  const session = { id: randomBytes(18).toString('base64url'), key, expiresAt: now + sessionLifetimeMs };
  const payload = [
    'v1',
    Buffer.from(key.name).toString('base64url'),
    session.id,
    String(session.expiresAt),
  ].join('.');
  return { token: `${payload}.${sign(key.secret, 'session', payload)}`, session };
}

/** The session a cookie names, or undefined when it is malformed, forged, expired or its key is gone. */
export function readSessionToken(
  keys: readonly NamedApiKey[],
  token: string | undefined,
  now = Date.now(),
): ConsoleSession | undefined {
  const parts = token?.split('.') ?? [];
  if (parts.length !== 5 || parts[0] !== 'v1') return undefined;
  const [, encodedName = '', id = '', expiry = '', signature = ''] = parts;
  const expiresAt = Number(expiry);
  if (!/^\d+$/.test(expiry) || expiresAt <= now) return undefined;
  const name = Buffer.from(encodedName, 'base64url').toString();
  const key = keys.find((candidate) => candidate.name === name);
  if (!key) return undefined;
  const payload = parts.slice(0, 4).join('.');
  if (!timingSafeEqual(signature, sign(key.secret, 'session', payload))) return undefined;
  return { id, key, expiresAt };
}

/**
 * The session's CSRF token, for the hidden field of every form: derived rather than stored, so it needs no
 * server state and cannot be computed without the key's secret.
 */
export function csrfTokenOf(session: ConsoleSession): string {
  return sign(session.key.secret, 'csrf', session.id);
}

/** Whether a posted CSRF token is the session's, compared in constant time. */
export function isSessionCsrfToken(session: ConsoleSession, presented: unknown): boolean {
  return (
    typeof presented === 'string' && presented !== '' && timingSafeEqual(presented, csrfTokenOf(session))
  );
}

// A purpose prefix keeps a session signature from ever being accepted as a CSRF token, and back.
function sign(secret: string, purpose: 'session' | 'csrf', value: string): string {
  return createHmac('sha256', secret).update(`refunds-console-${purpose}\n${value}`).digest('base64url');
}
