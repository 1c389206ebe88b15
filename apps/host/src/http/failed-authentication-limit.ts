import type { Context, MiddlewareHandler } from 'hono';
import { addressGroup } from './address-group';
import { errorResponse } from './error-response';
import type { RateLimitOptions } from './rate-limit';

/** Default budget: a burst of 100 failed authentications per client address, then one a second. */
export const defaultFailedAuthenticationBudget: RateLimitOptions = { perSecond: 1, burst: 100 };

/** Addresses remembered at most; full buckets are forgotten first (a forgotten address starts full anyway). */
const maximumAddresses = 10_000;

export interface FailedAuthenticationLimit {
  /**
   * Counts each 401 answer to a request that `isAttempt` calls an authentication attempt (every request, by
   * default) against the client's address, and answers 429 with Retry-After instead once its budget is spent.
   */
  middleware(isAttempt?: (context: Context) => boolean): MiddlewareHandler;
}

/**
 * A token bucket per client address (per /64 for IPv6) that only failed authentications drain: a wrong key, no
 * key, a wrong key in the console's sign-in form. A valid key is never refused by it, so a stale job sending an
 * old key from the same address (or from behind the same proxy) cannot lock out a service that has the right
 * one; such a service has its own per-key limit. Keys are at least 24 characters, so the budget is not what
 * stops guessing: it bounds what a client without a key can make the host do and log, and tells it to back off.
 */
export function failedAuthenticationLimit(
  budget: RateLimitOptions,
  addressOf: (context: Context) => string,
): FailedAuthenticationLimit {
  const buckets = new Map<string, { tokens: number; updated: number }>();

  const refill = (bucket: { tokens: number; updated: number }, now: number) => {
    bucket.tokens = Math.min(
      budget.burst,
      bucket.tokens + ((now - bucket.updated) / 1000) * budget.perSecond,
    );
    bucket.updated = now;
  };

  const forgetSome = (now: number) => {
    for (const [address, bucket] of buckets) {
      refill(bucket, now);
      if (bucket.tokens >= budget.burst) buckets.delete(address);
    }
    // Still too many (a flood from many addresses): the oldest go, which only gives them a fresh budget.
    for (const address of buckets.keys()) {
      if (buckets.size <= maximumAddresses) break;
      buckets.delete(address);
    }
  };

  /** Seconds to wait when the failure just made was over budget, else undefined (and the failure counted). */
  const charge = (address: string): number | undefined => {
    const now = Date.now();
    let bucket = buckets.get(address);
    if (!bucket) {
      if (buckets.size >= maximumAddresses) forgetSome(now);
      bucket = { tokens: budget.burst, updated: now };
      buckets.set(address, bucket);
    }
    refill(bucket, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / budget.perSecond));
  };

  return {
    middleware:
      (isAttempt = () => true) =>
      async (context, next) => {
        await next();
        if (context.res.status !== 401 || !isAttempt(context)) return;
        const waitSeconds = charge(addressGroup(addressOf(context)));
        if (waitSeconds === undefined) return;
        const message = `Too many failed authentications from your address; retry after ${waitSeconds} s.`;
        context.res = context.req.path.startsWith('/console')
          ? context.text(message, 429)
          : errorResponse(context, 429, 'rate_limited', message);
        // Hono carries the 401's headers over; a challenge no longer applies to an answer that is not a 401.
        context.res.headers.delete('www-authenticate');
        context.res.headers.set('retry-after', String(waitSeconds));
      },
  };
}
