import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RefundState } from '../ledger/ledger';
import { refundStates } from '../ledger/refund-states';
import { niceCeiling } from './refunds-chart';
import { chartSeries, chartStart, refundsPerHour } from './refunds-per-hour';

const now = new Date('2025-03-01T12:34:56Z');
const at = (iso: string, state: RefundState) => ({ createdAt: new Date(iso), state });

describe('refundsPerHour', () => {
  it('covers 24 hours ending with the current one', () => {
    const buckets = refundsPerHour([], now);
    expect(buckets).toHaveLength(24);
    expect(buckets[0]?.start.toISOString()).toBe('2025-02-28T13:00:00.000Z');
    expect(buckets[23]?.start.toISOString()).toBe('2025-03-01T12:00:00.000Z');
    expect(chartStart(now)).toEqual(buckets[0]?.start);
  });

  it('counts each refund in the hour it was created, by where it stands now', () => {
    const buckets = refundsPerHour(
      [
        at('2025-03-01T12:00:00Z', 'succeeded'),
        at('2025-03-01T12:30:00Z', 'failed'),
        at('2025-03-01T11:59:59Z', 'needs_attention'),
        at('2025-03-01T11:00:00Z', 'pending'),
        at('2025-03-01T11:10:00Z', 'unknown'),
        at('2025-02-28T13:00:00Z', 'sending'),
      ],
      now,
    );
    expect(buckets[23]?.counts).toEqual({ succeeded: 1, failed: 1, needs_attention: 0, in_progress: 0 });
    expect(buckets[22]?.counts).toEqual({ succeeded: 0, failed: 0, needs_attention: 1, in_progress: 2 });
    expect(buckets[0]?.counts.in_progress).toBe(1);
  });

  it('leaves out refunds from before the window or from the future', () => {
    const buckets = refundsPerHour(
      [at('2025-02-28T12:59:59Z', 'succeeded'), at('2025-03-01T13:00:00Z', 'succeeded')],
      now,
    );
    expect(buckets.every((bucket) => chartSeries.every((series) => bucket.counts[series] === 0))).toBe(true);
  });

  it('counts every refund of the window exactly once', () => {
    const from = chartStart(now).getTime();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offset: fc.integer({ min: -3_600_000, max: now.getTime() - from + 3_600_000 }),
            state: fc.constantFrom(...refundStates),
          }),
        ),
        (refunds) => {
          const records = refunds.map(({ offset, state }) => ({ createdAt: new Date(from + offset), state }));
          const end = from + 24 * 3_600_000;
          const inside = records.filter(
            (refund) => refund.createdAt.getTime() >= from && refund.createdAt.getTime() < end,
          ).length;
          const counted = refundsPerHour(records, now).reduce(
            (sum, bucket) => sum + chartSeries.reduce((total, series) => total + bucket.counts[series], 0),
            0,
          );
          expect(counted).toBe(inside);
        },
      ),
    );
  });
});

describe('niceCeiling', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([1, 2, 3, 5, 7, 10, 11, 26, 99, 101].map(niceCeiling)).toEqual([
      1, 2, 5, 5, 10, 10, 20, 50, 100, 200,
    ]);
  });
});
