import type { Kysely } from 'kysely';
import type { RefundState } from './ledger';
import type { LedgerDatabase } from './ledger-database';

/** Stripes per (account, state): enough that 32 concurrent writers of one account seldom meet on one row. */
export const refundCountStripes = 8;

/**
 * Inside the transaction that changes the refunds: moves the counts by the same change. Run last in its
 * transaction, so the stripe's row lock (PostgreSQL) is held only until the commit that follows.
 */
export async function adjustRefundCounts(
  transaction: Kysely<LedgerDatabase>,
  changes: readonly { account: string; state: RefundState; delta: 1 | -1 }[],
): Promise<void> {
  const stripe = Math.floor(Math.random() * refundCountStripes);
  // One statement for every change: a row per (account, state), added to the stripe's running sum.
  await transaction
    .insertInto('refund_counts')
    .values(
      changes.map((change) => ({
        account: change.account,
        state: change.state,
        stripe,
        count: change.delta,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['account', 'state', 'stripe']).doUpdateSet((expression) => ({
        count: expression('refund_counts.count', '+', expression.ref('excluded.count')),
      })),
    )
    .execute();
}
