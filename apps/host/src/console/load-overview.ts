import type { Ledger, RefundCount, RefundRecord } from '../ledger/ledger';
import { lastEvidence } from './last-evidence';
import { chartStart, type HourBucket, refundsPerHour } from './refunds-per-hour';

export interface AttentionRow {
  refund: RefundRecord;
  lastEvidence: string | undefined;
}

export interface Overview {
  now: Date;
  counts: RefundCount[];
  accounts: string[];
  /** Oldest first: the refund waiting longest comes first. */
  attention: AttentionRow[];
  moreAttention: boolean;
  buckets: HourBucket[];
  /** The chart stopped reading at `chartLimit` refunds; its last hours are then undercounted. */
  chartTruncated: boolean;
}

/** How many refunds needing attention the overview lists (each costs one read of its events). */
export const attentionLimit = 50;
/** How many refunds of the last day the chart reads at most, so a busy ledger cannot make the page slow. */
export const chartLimit = 5_000;

/** Everything the overview shows, read from the ledger. */
export async function loadOverview(
  ledger: Ledger,
  configuredAccounts: Iterable<string>,
  now = new Date(),
): Promise<Overview> {
  const counts = await ledger.countByStateAndAccount();
  const accounts = [...new Set([...configuredAccounts, ...counts.map((count) => count.account)])].sort();
  const waiting = await ledger.listRefunds({
    state: 'needs_attention',
    order: 'oldest',
    limit: attentionLimit,
  });
  const attention: AttentionRow[] = [];
  for (const refund of waiting.refunds) {
    attention.push({ refund, lastEvidence: lastEvidence(await ledger.events(refund.refundId)) });
  }
  const recent: RefundRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ledger.listRefunds({
      createdFrom: chartStart(now),
      order: 'oldest',
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    recent.push(...page.refunds);
    cursor = page.nextCursor;
  } while (cursor !== undefined && recent.length < chartLimit);
  return {
    now,
    counts,
    accounts,
    attention,
    moreAttention: waiting.nextCursor !== undefined,
    buckets: refundsPerHour(recent, now),
    chartTruncated: cursor !== undefined,
  };
}
