import type { Kysely } from 'kysely';
import { adjustRefundCounts } from './adjust-refund-counts';
import { insertEvent } from './insert-event';
import type { NewRefund, RefundRecord } from './ledger';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerStore } from './ledger-store';
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
  const leaseUntil = now + input.leaseMs;
  const inserted = await transaction
    .insertInto('refunds')
    .values({
      refund_id: input.refundId,
      account: input.account,
      provider: input.provider,
      order_id: input.orderId,
      amount: input.amount,
      currency: input.currency,
      request_hash: input.requestHash,
      request: JSON.stringify(input.request),
      state: 'sending',
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
      lease_until: leaseUntil,
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.column('refund_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted === undefined) return undefined;
  await insertEvent(transaction, {
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
      leaseUntil: new Date(leaseUntil).toISOString(),
      ...(input.actor === undefined ? {} : { actor: input.actor }),
    },
  });
  await adjustRefundCounts(transaction, [{ account: input.account, state: 'sending', delta: 1 }]);
  return toRefundRecord(inserted);
}

/** The refund recorded under `refundId`, read in the caller's transaction. */
export async function selectRefund(
  transaction: Kysely<LedgerDatabase>,
  refundId: string,
): Promise<RefundRecord | undefined> {
  const row = await transaction
    .selectFrom('refunds')
    .selectAll()
    .where('refund_id', '=', refundId)
    .executeTakeFirst();
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
