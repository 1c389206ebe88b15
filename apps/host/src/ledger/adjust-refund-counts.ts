import type { Kysely, OnConflictBuilder } from 'kysely';
import type { RefundState } from './ledger';
import type { LedgerDatabase } from './ledger-database';
import { prepareQuery } from './prepare-query';

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
  const [first, second] = changes;
  if (first === undefined) return;
  if (second === undefined) {
    await adjustOneCount(transaction, { ...first, stripe });
    return;
  }
  if (changes.length > 2) throw new TypeError('A write moves at most two counts');
  await adjustTwoCounts(transaction, {
    account: first.account,
    stripe,
    firstState: first.state,
    firstDelta: first.delta,
    secondState: second.state,
    secondDelta: second.delta,
  });
}

/** Adds the row's count to the stripe's running sum (a row per account, state and stripe). */
export const addToRunningSum = <Builder extends OnConflictBuilder<LedgerDatabase, 'refund_counts'>>(
  conflict: Builder,
) =>
  conflict.columns(['account', 'state', 'stripe']).doUpdateSet((expression) => ({
    count: expression('refund_counts.count', '+', expression.ref('excluded.count')),
  }));

const adjustOneCount = prepareQuery<
  { account: string; state: RefundState; stripe: number; delta: number },
  never
>((database, parameter) =>
  database
    .insertInto('refund_counts')
    .values({
      account: parameter('account'),
      state: parameter('state'),
      stripe: parameter('stripe'),
      count: parameter('delta'),
    })
    .onConflict(addToRunningSum),
);

/** One statement for a change of state: the count left and the count entered. */
const adjustTwoCounts = prepareQuery<
  {
    account: string;
    stripe: number;
    firstState: RefundState;
    firstDelta: number;
    secondState: RefundState;
    secondDelta: number;
  },
  never
>((database, parameter) =>
  database
    .insertInto('refund_counts')
    .values([
      {
        account: parameter('account'),
        state: parameter('firstState'),
        stripe: parameter('stripe'),
        count: parameter('firstDelta'),
      },
      {
        account: parameter('account'),
        state: parameter('secondState'),
        stripe: parameter('stripe'),
        count: parameter('secondDelta'),
      },
    ])
    .onConflict(addToRunningSum),
);
