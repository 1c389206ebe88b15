import type { RefundState } from './ledger';
import type { LedgerStore } from './ledger-store';
import { refundStates } from './refund-states';

export async function countByState(store: LedgerStore): Promise<Record<RefundState, number>> {
  const rows = await store.database
    .selectFrom('refunds')
    .select((expression) => ['state', expression.fn.countAll<number | string>().as('count')])
    .groupBy('state')
    .execute();
  const counts = Object.fromEntries(refundStates.map((state) => [state, 0])) as Record<RefundState, number>;
  // pg returns count(*) as a string (BIGINT).
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}
