import type { RefundCount, RefundState } from './ledger';
import type { LedgerStore } from './ledger-store';

/**
 * Refunds per (account, state), in that order, from the counts kept with every change: a few rows, however
 * large the ledger, so the console's overview and /metrics stay cheap. Pairs without refunds are left out.
 */
export async function countByStateAndAccount(store: LedgerStore): Promise<RefundCount[]> {
  const rows = await store.database
    .selectFrom('refund_counts')
    .select((expression) => ['account', 'state', expression.fn.sum<number | string>('count').as('count')])
    .groupBy(['account', 'state'])
    .orderBy('account')
    .orderBy('state')
    .execute();
  // pg returns sum(bigint) as a string (NUMERIC).
  return rows
    .map((row) => ({ account: row.account, state: row.state as RefundState, count: Number(row.count) }))
    .filter((row) => row.count > 0);
}
