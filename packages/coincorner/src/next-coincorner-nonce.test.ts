import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nextCoinCornerNonce } from './next-coincorner-nonce';

describe('nextCoinCornerNonce', () => {
  it('counts in microseconds of the clock, so a restarted process starts above the old one', () => {
    const apiKey = randomUUID();
    const nonce = Number(nextCoinCornerNonce(apiKey, () => 1_700_000_000_123));
    expect(nonce).toBe(1_700_000_000_123_000);
    // A previous process sending 999 requests in its last millisecond still ends below the next millisecond.
    expect(nonce).toBeGreaterThan(1_700_000_000_122 * 1000 + 999);
  });

  it('strictly increases within one millisecond and when the clock goes back', () => {
    const apiKey = randomUUID();
    let now = 1_700_000_000_000;
    const nonces = [1, 2, 3].map(() => Number(nextCoinCornerNonce(apiKey, () => now)));
    now -= 5_000;
    nonces.push(Number(nextCoinCornerNonce(apiKey, () => now)));
    expect(nonces).toEqual([
      1_700_000_000_000_000, 1_700_000_000_000_001, 1_700_000_000_000_002, 1_700_000_000_000_003,
    ]);
  });

  it('is one sequence per API key, whatever its letter case', () => {
    const apiKey = randomUUID();
    const first = Number(nextCoinCornerNonce(apiKey, () => 1_000));
    const second = Number(nextCoinCornerNonce(apiKey.toUpperCase(), () => 1_000));
    const otherKey = Number(nextCoinCornerNonce(randomUUID(), () => 1_000));
    expect(second).toBe(first + 1);
    expect(otherKey).toBe(1_000_000);
  });

  it('writes plain digits, never exponent notation', () => {
    expect(nextCoinCornerNonce(randomUUID())).toMatch(/^\d{16}$/);
  });
});
