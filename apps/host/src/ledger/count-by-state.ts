import type { RefundState } from './ledger';
import type { LedgerStore } from './ledger-store';
import { refundStates } from './refund-states';

/** Refunds per state, from the counts kept with every change: a few rows, however large the ledger. */
export async function countByState(store: LedgerStore): Promise<Record<RefundState, number>> {
  const rows = await store.database
    .selectFrom('refund_counts')
    .select((expression) => ['state', expression.fn.sum<number | string>('count').as('count')])
    .groupBy('state')
    .execute();
  const counts = Object.fromEntries(refundStates.map((state) => [state, 0])) as Record<RefundState, number>;
  // pg returns sum(bigint) as a string (NUMERIC).
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}
