import { type Selectable, sql } from 'kysely';
import { upsertOrderLockStatement } from './acquire-order-lock';
import { addToRunningSum, randomStripe } from './adjust-refund-counts';
import { createdEvent, newRefundRow } from './create-refund';
import type { NewRefund, RecordRefundResult } from './ledger';
import type { RefundsTable } from './ledger-database';
import type { WriteOneStatement } from './ledger-store';
import { prepareQuery } from './prepare-query';
import { toJsonText } from './to-json-text';
import { toRefundRecord } from './to-refund-record';

type RecordParameters = ReturnType<typeof newRefundRow> & {
  owner: string;
  until: number;
  now: number;
  stripe: number;
  eventType: string;
  eventData: string | null;
};

/**
 * The lock, the refund, its first event and the counts. Data-modifying CTEs run against one snapshot and see
 * each other's rows only through RETURNING: the refund is inserted only if `locked` returned the lock, and its
 * event and counts only if `inserted` returned the refund. The lock's upsert and the refund's insert wait for
 * concurrent writers of their rows and then decide on the latest committed row, as in a transaction.
 */
const recordStatement = prepareQuery<
  RecordParameters,
  Selectable<RefundsTable> & { locked: string; held_until: string | number | null }
>((database, parameter) =>
  database
    .with('locked', (creator) =>
      upsertOrderLockStatement(creator, {
        account: parameter('account'),
        orderId: parameter('order_id'),
        owner: parameter('owner'),
        until: parameter('until'),
        now: parameter('now'),
      }),
    )
    .with('inserted', (creator) =>
      creator
        .insertInto('refunds')
        .columns([
          'refund_id',
          'account',
          'provider',
          'order_id',
          'amount',
          'currency',
          'request_hash',
          'request',
          'state',
          'attempts',
          'sent_at',
          'lease_owner',
          'lease_until',
          'created_at',
          'updated_at',
        ])
        // Typed by hand: PostgreSQL gives the parameters of a SELECT list no type of their own (text), and text
        // is not assigned to an integer column. The columns left out are NULL or their default, as newRefundRow
        // sets them.
        .expression(
          sql`select ${parameter('refund_id')}::text, ${parameter('account')}::text,
                ${parameter('provider')}::text, ${parameter('order_id')}::text, ${parameter('amount')}::text,
                ${parameter('currency')}::text, ${parameter('request_hash')}::text, ${parameter('request')}::text,
                ${parameter('state')}::text, ${parameter('attempts')}::integer, ${parameter('sent_at')}::bigint,
                ${parameter('lease_owner')}::text, ${parameter('lease_until')}::bigint,
                ${parameter('created_at')}::bigint, ${parameter('updated_at')}::bigint
              from locked`,
        )
        .onConflict((conflict) => conflict.column('refund_id').doNothing())
        .returningAll(),
    )
    .with('event', (creator) =>
      creator
        .insertInto('refund_events')
        .columns(['refund_id', 'type', 'at', 'data'])
        .expression(
          sql`select refund_id, ${parameter('eventType')}::text, ${parameter('now')}::bigint,
                ${parameter('eventData')}::text
              from inserted`,
        ),
    )
    .with('counted', (creator) =>
      creator
        .insertInto('refund_counts')
        .columns(['account', 'state', 'stripe', 'count'])
        .expression(sql`select account, state, ${parameter('stripe')}::integer, 1 from inserted`)
        .onConflict(addToRunningSum),
    )
    // One row whatever happened: whether the lock was taken, the refund if it was inserted (NULLs if not), and
    // until when the lock's holder keeps it as this statement's snapshot saw it.
    .selectFrom(sql<{ one: number }>`(select 1 as one)`.as('always'))
    .leftJoin('inserted', (join) => join.onTrue())
    .selectAll('inserted')
    .select((expression) => [
      expression.selectFrom('locked').select(sql<string>`count(*)`.as('count')).as('locked'),
      expression
        .selectFrom('order_locks')
        .select('until')
        .where('account', '=', parameter('account'))
        .where('order_id', '=', parameter('order_id'))
        .as('held_until'),
    ]),
);

/**
 * PostgreSQL (issue 19): the refund's record and its order's lock as one statement, atomic on its own, so one
 * round trip instead of six (BEGIN, lock, refund, event, counts, COMMIT), each of which costs the host a socket
 * write and the server a wake-up.
 *
 * Unlike the transaction, a statement cannot roll its lock back when the refund id turns out to be taken (by a
 * request for another order): it says so (`lock_kept_for_nothing`) and the caller releases the lock.
 */
export async function recordRefundInOneStatement(
  writeOneStatement: WriteOneStatement,
  input: NewRefund,
  lock: { owner: string; until: number },
  now: number,
): Promise<RecordRefundResult | { outcome: 'lock_kept_for_nothing' }> {
  const event = createdEvent(input, now);
  const parameters: RecordParameters = {
    ...newRefundRow(input, now),
    owner: lock.owner,
    until: lock.until,
    now,
    stripe: randomStripe(),
    eventType: event.type,
    eventData: toJsonText(event.data),
  };
  const [result] = (await writeOneStatement((database) => recordStatement(database, parameters))).rows;
  if (result === undefined) throw new Error('the record statement returned no row');
  const { locked, held_until: heldUntil, ...refund } = result;
  if (Number(locked) === 0) return { outcome: 'order_busy', lockedUntil: new Date(Number(heldUntil ?? now)) };
  if (refund.refund_id === null) return { outcome: 'lock_kept_for_nothing' };
  return { outcome: 'created', refund: toRefundRecord(refund) };
}
