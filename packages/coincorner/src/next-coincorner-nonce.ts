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
  const key = apiKey.toLowerCase();
  const fromClock = Math.trunc(now()) * 1000;
  const last = lastNonceByApiKey.get(key) ?? 0;
  const nonce = Math.max(fromClock, last + 1);
  if (!Number.isSafeInteger(nonce)) {
    throw new RangeError(`The CoinCorner nonce ${nonce} is beyond 2^53: check the system clock.`);
  }
  lastNonceByApiKey.set(key, nonce);
  return String(nonce);
}
