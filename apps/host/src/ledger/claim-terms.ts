import type { ClaimOptions } from './ledger';
import { toMilliseconds } from './to-milliseconds';

/** A claim's options checked, as stored: a claim that cannot be honoured is refused before it takes a lease. */
export function claimTerms(options: ClaimOptions): { now: number; leaseUntil: number; accounts: string[] } {
  const now = toMilliseconds(options.now, 'now');
  if (!Number.isSafeInteger(options.leaseMs) || options.leaseMs <= 0) {
    throw new TypeError(`leaseMs must be a positive integer, got ${String(options.leaseMs)}`);
  }
  if (!Array.isArray(options.accounts)) {
    // Without it the claim would fall back to every account, which is what this option exists to prevent.
    throw new TypeError('accounts must list the accounts this host reconciles');
  }
  return { now, leaseUntil: now + options.leaseMs, accounts: [...new Set(options.accounts)] };
}
