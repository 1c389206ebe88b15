import type { MiddlewareHandler } from 'hono';
import { type ApiKeyAction, allows, findApiKey, type NamedApiKey, roleNeededFor } from './api-keys';
import { errorResponse } from './error-response';

/** What `requireApiKey` leaves for handlers: the key that was presented, by name and role. */
export interface ApiKeyVariables {
  apiKey: NamedApiKey;
}

/** The Hono environment of routes behind `requireApiKey`. */
export interface AuthenticatedEnv {
  Variables: ApiKeyVariables;
}

/**
 * Bearer API keys, compared in constant time against every configured key so that neither the key nor its
 * position in the list can be learned from timing. Sets `apiKey` (the `NamedApiKey`) for handlers.
 */
export function requireApiKey(keys: readonly NamedApiKey[]): MiddlewareHandler<AuthenticatedEnv> {
  return async (context, next) => {
    const key = findApiKey(keys, presentedApiKey(context.req.header('authorization')));
    if (!key) {
      context.header('www-authenticate', 'Bearer');
      return errorResponse(
        context,
        401,
        'unauthorized',
        'Send a valid API key as "Authorization: Bearer <key>".',
      );
    }
    context.set('apiKey', key);
    return next();
  };
}

/**
 * Refuses with 403, naming the role needed, a key whose role does not allow `action`. Runs after
 * `requireApiKey`.
 */
export function requireRole(action: ApiKeyAction): MiddlewareHandler<AuthenticatedEnv> {
  return async (context, next) => {
    const key = context.get('apiKey');
    if (!key) {
      context.header('www-authenticate', 'Bearer');
      return errorResponse(
        context,
        401,
        'unauthorized',
        'Send a valid API key as "Authorization: Bearer <key>".',
      );
    }
    if (!allows(key.role, action)) {
      const needed = roleNeededFor(action);
      return errorResponse(
        context,
        403,
        'forbidden',
        `API key ${key.name} has role ${key.role}; ${action} needs role ${needed}${needed === 'operator' ? '' : ' or operator'}.`,
      );
    }
    return next();
  };
}

/** The key a caller presents, however the header spaces it: what both the check and the rate limit go by. */
export function presentedApiKey(header: string | undefined): string {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
}
