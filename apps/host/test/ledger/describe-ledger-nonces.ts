import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerSuiteOptions } from './ledger-store-subject';
import { useLedgerStore } from './use-ledger-store';

/** Nonces shared by host processes: never reused, never out of order. */
export function describeLedgerNonces(options: LedgerSuiteOptions): void {
  describe('nextNonce', () => {
    const { open } = useLedgerStore(options);

    it('hands out values above every earlier one of the scope and at least the floor', async () => {
      const ledger = await open();
      expect(await ledger.nextNonce('coincorner:key-1', 1_000)).toBe(1_000);
      expect(await ledger.nextNonce('coincorner:key-1', 1_000)).toBe(1_001);
      expect(await ledger.nextNonce('coincorner:key-1', 5)).toBe(1_002);
      expect(await ledger.nextNonce('coincorner:key-1', 2_000)).toBe(2_000);
      // Scopes are independent.
      expect(await ledger.nextNonce('coincorner:key-2', 7)).toBe(7);
      expect(await ledger.nextNonce('coincorner:key-1', 0)).toBe(2_001);
    });

    it('still increases after a restart with the clock behind', async () => {
      const ledger = await open();
      const ahead = Date.now() + 3_600_000;
      const last = await ledger.nextNonce('coincorner:key-1', ahead);
      await ledger.close();
      const reopened = await open();
      expect(await reopened.nextNonce('coincorner:key-1', Date.now())).toBe(last + 1);
    });

    it('gives distinct values to many callers on two instances at once, each in increasing order', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const sequences = await Promise.all(
        [first, second, first, second, first, second].map(async (ledger) => {
          const values: number[] = [];
          for (let call = 0; call < 15; call += 1) {
            // Callers whose clocks disagree: half of them run a second behind.
            values.push(await ledger.nextNonce('coincorner:shared', Date.now() - (call % 2) * 1_000));
          }
          return values;
        }),
      );
      const all = sequences.flat();
      expect(new Set(all).size).toBe(all.length);
      for (const values of sequences) {
        for (let index = 1; index < values.length; index += 1) {
          expect(values[index]).toBeGreaterThan(values[index - 1] ?? Number.POSITIVE_INFINITY);
        }
      }
    });

    it('refuses a floor that is not a safe non-negative integer, and to go past the safe range', async () => {
      const ledger = await open();
      for (const floor of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
        await expect(ledger.nextNonce('coincorner:key-1', floor), String(floor)).rejects.toThrow(TypeError);
      }
      expect(await ledger.nextNonce('coincorner:key-1', Number.MAX_SAFE_INTEGER)).toBe(
        Number.MAX_SAFE_INTEGER,
      );
      await expect(ledger.nextNonce('coincorner:key-1', 0)).rejects.toThrow();
      expect(await ledger.nextNonce('coincorner:key-2', 1)).toBe(1);
    });

    it('is strictly increasing and never below the floor, for any floors', async () => {
      const ledger = await open();
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 0, max: 2 ** 45 }), { minLength: 1, maxLength: 12 }),
          async (floors) => {
            const scope = `property-${run++}`;
            let previous = -1;
            for (const floor of floors) {
              const value = await ledger.nextNonce(scope, floor);
              expect(Number.isSafeInteger(value)).toBe(true);
              expect(value).toBeGreaterThan(previous);
              expect(value).toBeGreaterThanOrEqual(floor);
              // Never further ahead than needed: the floor, or one past the last value.
              expect(value).toBe(Math.max(floor, previous + 1));
              previous = value;
            }
          },
        ),
        { numRuns: 40 },
      );
    });
  });
}
