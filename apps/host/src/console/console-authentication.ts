import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findApiKey, type NamedApiKey } from '../http/api-keys';
import { presentedApiKey } from '../http/require-api-key';
import type { ConsoleEnv } from './console-env';
import { csrfTokenOf, readSessionToken } from './console-session';
import type { RevokedSessions } from './create-revoked-sessions';

/** The cookie holding the signed session token (never the key). */
export const sessionCookieName = 'refunds_console';

/**
 * Sets `user` from `Authorization: Bearer <key>` (scripted access) or else from the session cookie; leaves it
 * undefined when neither is valid. A request that sends the header is judged by it alone, so a wrong key is
 * never rescued by a cookie.
 */
export function consoleAuthentication(
  keys: readonly NamedApiKey[],
  revoked: RevokedSessions,
): MiddlewareHandler<ConsoleEnv> {
  return async (context, next) => {
    const header = context.req.header('authorization');
    if (header !== undefined) {
      const key = findApiKey(keys, presentedApiKey(header));
      context.set('user', key ? { key, session: undefined, csrfToken: '' } : undefined);
      return next();
    }
    const session = readSessionToken(keys, getCookie(context, sessionCookieName));
    context.set(
      'user',
      session && !revoked.has(session.id)
        ? { key: session.key, session, csrfToken: csrfTokenOf(session) }
        : undefined,
    );
    return next();
  };
}
