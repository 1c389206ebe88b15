const firstDelayMs = 5_000;
const longestDelayMs = 4 * 60 * 60 * 1000;

/**
 * How long to wait after the `attempts`-th failed attempt: 5 s, 10 s, 20 s, ... doubling up to 4 hours, each
 * spread by ±25% so that receivers coming back from an outage are not hit by every host in step. The first
 * retry comes within 10 s; over three days that is about thirty attempts.
 */
export function webhookRetryDelay(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  const delay = Math.min(firstDelayMs * 2 ** exponent, longestDelayMs);
  return Math.round(delay * (0.75 + random() * 0.5));
}
