import type { NonceSource } from '@refunds/core';

// Shared by every client in this process that uses the same API key: CoinCorner keeps one last-seen nonce per
// key, so two clients with one key must never hand out the same or a smaller value.
const lastNonceByApiKey = new Map<string, number>();

/**
 * The next `Nonce` for an API key: microseconds since the epoch, bumped past the previous value when several
 * requests share a millisecond. Microseconds (not seconds or milliseconds) so that a restarted process starts
 * above every value the previous one sent, and so that a key once used with the plugins' microsecond nonces
 * keeps working.
 */
export function nextCoinCornerNonce(apiKey: string, now: () => number = Date.now): string {
  return String(advance(apiKey, Math.trunc(now()) * 1000));
}

/**
 * The default nonce source: this process's memory, one sequence per API key. It cannot know what another
 * process or a previous run sent; a host sharing a key between processes passes its own `nonceSource`.
 */
export function inProcessNonceSource(apiKey: string): NonceSource {
  return { next: async (floor) => advance(apiKey, floor) };
}

function advance(apiKey: string, floor: number): number {
  const key = apiKey.toLowerCase();
  const last = lastNonceByApiKey.get(key) ?? 0;
  const nonce = Math.max(Math.trunc(floor), last + 1);
  if (!Number.isSafeInteger(nonce)) {
    throw new RangeError(`The CoinCorner nonce ${nonce} is beyond 2^53: check the system clock.`);
  }
  lastNonceByApiKey.set(key, nonce);
  return nonce;
}
