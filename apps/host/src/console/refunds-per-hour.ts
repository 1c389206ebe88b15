import type { RefundRecord, RefundState } from '../ledger/ledger';

/** How the chart groups states: the two final ones, the one waiting for a person, and everything still moving. */
export type ChartSeries = 'succeeded' | 'failed' | 'needs_attention' | 'in_progress';

export const chartSeries: readonly ChartSeries[] = ['succeeded', 'failed', 'needs_attention', 'in_progress'];

export interface HourBucket {
  /** The start of the hour (UTC). */
  start: Date;
  counts: Record<ChartSeries, number>;
}

const hourMs = 60 * 60 * 1000;

/** The first instant the chart covers: the start of the hour `hours - 1` hours before the current one. */
export function chartStart(now: Date, hours = 24): Date {
  return new Date(Math.floor(now.getTime() / hourMs) * hourMs - (hours - 1) * hourMs);
}

/** Refunds by the hour they were created and where they stand now, the current (partial) hour last. */
export function refundsPerHour(
  refunds: readonly Pick<RefundRecord, 'state' | 'createdAt'>[],
  now: Date,
  hours = 24,
): HourBucket[] {
  const first = chartStart(now, hours).getTime();
  const buckets: HourBucket[] = Array.from({ length: hours }, (_, index) => ({
    start: new Date(first + index * hourMs),
    counts: { succeeded: 0, failed: 0, needs_attention: 0, in_progress: 0 },
  }));
  for (const refund of refunds) {
    const bucket = buckets[Math.floor((refund.createdAt.getTime() - first) / hourMs)];
    if (bucket) bucket.counts[seriesOf(refund.state)] += 1;
  }
  return buckets;
}

function seriesOf(state: RefundState): ChartSeries {
  return state === 'succeeded' || state === 'failed' || state === 'needs_attention' ? state : 'in_progress';
}
