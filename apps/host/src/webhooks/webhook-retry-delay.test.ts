import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webhookRetryDelay } from './webhook-retry-delay';

describe('webhookRetryDelay', () => {
  it('retries first within 10 s, then doubles up to 4 hours', () => {
    expect(webhookRetryDelay(1, () => 0.5)).toBe(5_000);
    expect(webhookRetryDelay(1, () => 1)).toBeLessThanOrEqual(10_000);
    expect(webhookRetryDelay(2, () => 0.5)).toBe(10_000);
    expect(webhookRetryDelay(12, () => 0.5)).toBe(5_000 * 2 ** 11);
    expect(webhookRetryDelay(13, () => 0.5)).toBe(4 * 60 * 60 * 1000);
    expect(webhookRetryDelay(500, () => 0.5)).toBe(4 * 60 * 60 * 1000);
  });

  it('stays within ±25% of the schedule and never shrinks by more than the jitter as attempts grow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempts, random) => {
          const delay = webhookRetryDelay(attempts, () => random);
          const middle = webhookRetryDelay(attempts, () => 0.5);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(middle * 0.75));
          expect(delay).toBeLessThanOrEqual(Math.ceil(middle * 1.25));
          expect(webhookRetryDelay(attempts + 1, () => 0.5)).toBeGreaterThanOrEqual(middle);
        },
      ),
    );
  });

  it('reaches three days in about thirty attempts', () => {
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 3 * 24 * 60 * 60 * 1000) {
      attempts += 1;
      elapsed += webhookRetryDelay(attempts, () => 0.5);
    }
    expect(attempts).toBeGreaterThan(20);
    expect(attempts).toBeLessThan(35);
  });
});
