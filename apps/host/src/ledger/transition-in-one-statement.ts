import { type Selectable, sql } from 'kysely';
import { addToRunningSum, randomStripe } from './adjust-refund-counts';
import { guardedUpdate, guardedUpdateTerms } from './guarded-update';
import { endpointsHearing } from './insert-webhook-event';
import type { RefundRecord, WebhookOutbox } from './ledger';
import type { RefundsTable } from './ledger-database';
import type { WriteOneStatement } from './ledger-store';
import { orderReleasedChannel } from './order-released-channel';
import { prepareQuery } from './prepare-query';
import { toJsonText } from './to-json-text';
import { toRefundRecord } from './to-refund-record';
import type { RefundTransition } from './transition-refund';
import { webhookEventType } from './webhook-event-type';

/**
 * Whether a transition can be written as one statement: the state it leaves is known without reading it (one
 * state to move from, or no change of state) and no webhook endpoint hears of it (the event's body is the refund
 * as it is after the change, built here, so it needs a second statement in the same transaction).
 */
export function canTransitionInOneStatement(outbox: WebhookOutbox, change: RefundTransition): boolean {
  const [previous, ...others] = change.from;
  if (previous === undefined || others.length > 0) return false;
  if (change.patch.state === undefined) return true;
  const type = webhookEventType(previous, change.patch.state, change.event.type);
  return type === undefined || endpointsHearing(outbox, type).length === 0;
}

const transitionStatement = prepareQuery<
  Record<string, unknown>,
  Selectable<RefundsTable> & { announced: string | number }
>((database, parameter, first) => {
  const value = (name: string) => parameter(name) as never;
  return (
    database
      .with('updated', (creator) => guardedUpdate(creator, parameter, first).returningAll())
      .with('event', (creator) =>
        creator
          .insertInto('refund_events')
          .columns(['refund_id', 'type', 'at', 'data'])
          .expression((expression) =>
            expression
              .selectFrom('updated')
              .select([
                'updated.refund_id',
                sql.val(value('eventType')).as('type'),
                sql.val(value('now')).as('at'),
                sql.val(value('eventData')).as('data'),
              ]),
          ),
      )
      .with('released', (creator) =>
        creator
          .deleteFrom('order_locks')
          .using('updated')
          .whereRef('order_locks.account', '=', 'updated.account')
          .whereRef('order_locks.order_id', '=', 'updated.order_id')
          .where('order_locks.owner', '=', value('releaseOwner'))
          .returning(['order_locks.account', 'order_locks.order_id', 'order_locks.waiting']),
      )
      // A SELECT in a WITH runs only when the statement reads it: the final SELECT counts its rows. Only a
      // release a waiter marked is announced (see migration 0007).
      .with('announced', (creator) =>
        creator
          .selectFrom('released')
          .select(
            // The payload is orderKey(account, orderId): the two joined by a unit separator.
            sql<string>`pg_notify(${orderReleasedChannel}, released.account || chr(31) || released.order_id)`.as(
              'notified',
            ),
          )
          .where('released.waiting', '=', true),
      )
      .with('counted', (creator) =>
        creator
          .insertInto('refund_counts')
          .columns(['account', 'state', 'stripe', 'count'])
          .expression(
            sql`select updated.account, moved.state, ${value('stripe')}::integer, moved.delta
                from updated cross join (values (${value('previous')}::text, -1), (${value('next')}::text, 1))
                  as moved (state, delta)
                where ${value('next')}::text is not null and ${value('next')}::text <> ${value('previous')}::text`,
          )
          .onConflict(addToRunningSum),
      )
      .selectFrom('updated')
      .selectAll('updated')
      .select((expression) =>
        expression.selectFrom('announced').select(sql`count(*)`.as('count')).as('announced'),
      )
  );
});

/**
 * PostgreSQL (issue 19): the transition as one statement, atomic on its own, so one round trip instead of seven
 * (BEGIN, UPDATE, event, lock release, NOTIFY, counts, COMMIT), each of which costs the host a socket write and
 * a wake-up of a server process. Data-modifying CTEs all run against the same snapshot and see each other's rows
 * only through RETURNING: the event, the lock's release and the counts each take the updated row from
 * `updated`, so none of them happens unless the guarded UPDATE matched. The UPDATE waits for a concurrent writer
 * of the row and re-checks its guard as in the multi-statement path.
 */
export async function transitionInOneStatement(
  writeOneStatement: WriteOneStatement,
  refundId: string,
  change: RefundTransition,
  now: number,
): Promise<RefundRecord | undefined> {
  const [previous] = change.from;
  const update = guardedUpdateTerms(refundId, change, now);
  const parameters: Record<string, unknown> = {
    ...update.parameters,
    eventType: change.event.type,
    eventData: toJsonText(change.event.data),
    releaseOwner: change.releaseOrderLock?.owner ?? null,
    previous,
    next: change.patch.state ?? null,
    stripe: randomStripe(),
  };
  const [row] = (
    await writeOneStatement((database) => transitionStatement(database, parameters, update.shape))
  ).rows;
  if (row === undefined) return undefined;
  const { announced: _announced, ...refund } = row;
  return toRefundRecord(refund);
}
