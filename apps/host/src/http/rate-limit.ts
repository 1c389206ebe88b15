import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './error-response';

export interface RateLimitOptions {
  /** Sustained requests per second per API key. */
  perSecond: number;
  /** Requests a key may make at once before the sustained rate applies. */
  burst: number;
}

/** A token bucket per API key: a misbehaving client is slowed down without affecting the others. */
export function rateLimit(
  options: RateLimitOptions,
  keyOf: (header: string | undefined) => string,
): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; updated: number }>();
  return async (context, next) => {
    const key = keyOf(context.req.header('authorization'));
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: options.burst, updated: now };
    bucket.tokens = Math.min(
      options.burst,
      bucket.tokens + ((now - bucket.updated) / 1000) * options.perSecond,
    );
    bucket.updated = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const waitSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
      context.header('retry-after', String(waitSeconds));
      return errorResponse(
        context,
        429,
        'rate_limited',
        `Too many requests for this API key; retry after ${waitSeconds} s.`,
      );
    }
    bucket.tokens -= 1;
    return next();
  };
}
