import type { Insertable, Kysely, Selectable } from 'kysely';
import { countNewRefund } from './adjust-refund-counts';
import { insertEvent } from './insert-event';
import type { NewRefund, RefundRecord } from './ledger';
import type { LedgerDatabase, RefundsTable } from './ledger-database';
import type { LedgerStore } from './ledger-store';
import { prepareQuery } from './prepare-query';
import { toRefundRecord } from './to-refund-record';

/** The type of the first event of every refund. */
export const refundCreatedEventType = 'created';

function checkNewRefund(input: NewRefund): void {
  if (typeof input.refundId !== 'string' || input.refundId === '') {
    throw new TypeError('refundId must be a non-empty string');
  }
  if (!Number.isSafeInteger(input.leaseMs) || input.leaseMs <= 0) {
    throw new TypeError(`leaseMs must be a positive integer, got ${String(input.leaseMs)}`);
  }
}

/** The row of a refund just recorded: in `sending`, leased to its recorder, about to be sent. */
export function newRefundRow(input: NewRefund, now: number) {
  checkNewRefund(input);
  return {
    refund_id: input.refundId,
    account: input.account,
    provider: input.provider,
    order_id: input.orderId,
    amount: input.amount,
    currency: input.currency,
    request_hash: input.requestHash,
    request: JSON.stringify(input.request),
    state: 'sending' as const,
    provider_status: null,
    provider_refund_id: null,
    failure_code: null,
    failure_message: null,
    failure_outcome: null,
    attempts: 0,
    next_check_at: null,
    // The provider call follows this write: the settle window after it starts no earlier than now.
    sent_at: now,
    not_found_at: null,
    lease_owner: input.leaseOwner,
    lease_until: now + input.leaseMs,
    created_at: now,
    updated_at: now,
  } satisfies Insertable<RefundsTable>;
}

/** The first event of every refund. */
export function createdEvent(input: NewRefund, now: number) {
  return {
    refundId: input.refundId,
    type: refundCreatedEventType,
    at: now,
    data: {
      account: input.account,
      provider: input.provider,
      orderId: input.orderId,
      amount: input.amount,
      currency: input.currency,
      leaseOwner: input.leaseOwner,
      leaseUntil: new Date(now + input.leaseMs).toISOString(),
      ...(input.actor === undefined ? {} : { actor: input.actor }),
    },
  };
}

type NewRefundRow = ReturnType<typeof newRefundRow>;

const insertRefundRow = prepareQuery<NewRefundRow, Selectable<RefundsTable>>((database, parameter, first) => {
  // Every column a parameter of the same name: newRefundRow sets the same columns for every refund.
  const values = Object.fromEntries(
    Object.keys(first).map((column) => [column, parameter(column as keyof NewRefundRow)]),
  ) as NewRefundRow;
  return database
    .insertInto('refunds')
    .values(values)
    .onConflict((conflict) => conflict.column('refund_id').doNothing())
    .returningAll();
});

const selectRefundRow = prepareQuery<{ refundId: string }, Selectable<RefundsTable>>((database, parameter) =>
  database.selectFrom('refunds').selectAll().where('refund_id', '=', parameter('refundId')),
);

/**
 * Inside the caller's transaction: inserts the refund in `sending` with its first event, or does nothing when the
 * id is taken (undefined). ON CONFLICT DO NOTHING makes a concurrent second insert wait for the first to commit
 * and then do nothing, so exactly one caller inserts, whatever the interleaving.
 */
export async function insertRefund(
  transaction: Kysely<LedgerDatabase>,
  input: NewRefund,
  now: number,
): Promise<RefundRecord | undefined> {
  checkNewRefund(input);
  const [inserted] = (await insertRefundRow(transaction, newRefundRow(input, now))).rows;
  if (inserted === undefined) return undefined;
  await insertEvent(transaction, createdEvent(input, now));
  await countNewRefund(transaction, { account: input.account, state: 'sending' });
  return toRefundRecord(inserted);
}

/** The refund recorded under `refundId`, read in the caller's transaction. */
export async function selectRefund(
  transaction: Kysely<LedgerDatabase>,
  refundId: string,
): Promise<RefundRecord | undefined> {
  const [row] = (await selectRefundRow(transaction, { refundId })).rows;
  return row === undefined ? undefined : toRefundRecord(row);
}

/**
 * Insert-or-get on the refund id: exactly one of concurrent creates sees `created: true`. The clock is read
 * inside the write: a create that queued behind other writers still gets its whole lease.
 */
export async function createRefund(
  store: LedgerStore,
  input: NewRefund,
): Promise<{ created: boolean; refund: RefundRecord }> {
  checkNewRefund(input);
  return store.write(async (transaction) => {
    const inserted = await insertRefund(transaction, input, Date.now());
    if (inserted !== undefined) return { created: true, refund: inserted };
    // A new statement, so under READ COMMITTED it sees the row whose commit the insert waited for.
    const existing = await selectRefund(transaction, input.refundId);
    if (existing === undefined) throw new Error(`refund ${input.refundId} vanished from the ledger`);
    return { created: false, refund: existing };
  });
}
