import { timingSafeEqual } from '@refunds/core';
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './error-response';

/**
 * Bearer API keys, compared in constant time against every configured key so that neither the key nor its
 * position in the list can be learned from timing.
 */
export function requireApiKey(keys: readonly string[]): MiddlewareHandler {
  return async (context, next) => {
    const presented = presentedApiKey(context.req.header('authorization'));
    let matched = false;
    for (const key of keys) matched = timingSafeEqual(presented, key) || matched;
    if (!presented || !matched) {
      context.header('www-authenticate', 'Bearer');
      return errorResponse(
        context,
        401,
        'unauthorized',
        'Send a valid API key as "Authorization: Bearer <key>".',
      );
    }
    context.set('apiKey' as never, presented as never);
    return next();
  };
}

/** The key a caller presents, however the header spaces it: what both the check and the rate limit go by. */
export function presentedApiKey(header: string | undefined): string {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
}
