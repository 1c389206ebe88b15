import type { RefundCount, RefundState } from './ledger';
import type { LedgerStore } from './ledger-store';

/**
 * Refunds per (account, state), in that order. Read from the (account, state) index alone, without touching
 * the refunds themselves, so the console's overview stays cheap as the ledger grows.
 */
export async function countByStateAndAccount(store: LedgerStore): Promise<RefundCount[]> {
  const rows = await store.database
    .selectFrom('refunds')
    .select((expression) => ['account', 'state', expression.fn.countAll<number | string>().as('count')])
    .groupBy(['account', 'state'])
    .orderBy('account')
    .orderBy('state')
    .execute();
  // pg returns count(*) as a string (BIGINT).
  return rows.map((row) => ({
    account: row.account,
    state: row.state as RefundState,
    count: Number(row.count),
  }));
}
