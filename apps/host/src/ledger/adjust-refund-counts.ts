import type { Kysely, OnConflictBuilder } from 'kysely';
import type { RefundState } from './ledger';
import type { LedgerDatabase } from './ledger-database';
import { prepareQuery } from './prepare-query';

/** Stripes per (account, state): enough that 32 concurrent writers of one account seldom meet on one row. */
const refundCountStripes = 8;

/** The stripe a write adds to: spread at random, so concurrent writers seldom wait on one row. */
export const randomStripe = () => Math.floor(Math.random() * refundCountStripes);

/**
 * Inside the transaction that records a refund: one more in its state. Run last in its transaction, so the
 * stripe's row lock (PostgreSQL) is held only until the commit that follows.
 */
export async function countNewRefund(
  transaction: Kysely<LedgerDatabase>,
  refund: { account: string; state: RefundState },
): Promise<void> {
  await adjustOneCount(transaction, { ...refund, stripe: randomStripe(), delta: 1 });
}

/** Inside the transaction that moves a refund between states, last in it: one fewer in one, one more in the other. */
export async function moveRefundCount(
  transaction: Kysely<LedgerDatabase>,
  refund: { account: string; from: RefundState; to: RefundState },
): Promise<void> {
  await adjustTwoCounts(transaction, {
    account: refund.account,
    stripe: randomStripe(),
    firstState: refund.from,
    firstDelta: -1,
    secondState: refund.to,
    secondDelta: 1,
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
