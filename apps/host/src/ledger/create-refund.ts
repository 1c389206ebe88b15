import { insertEvent } from './insert-event';
import type { NewRefund, RefundRecord } from './ledger';
import type { LedgerStore } from './ledger-store';
import { toMilliseconds } from './to-milliseconds';
import { toRefundRecord } from './to-refund-record';

/** The type of the first event of every refund. */
export const refundCreatedEventType = 'created';

/**
 * Insert-or-get on the refund id. ON CONFLICT DO NOTHING makes a concurrent second insert wait for the first
 * to commit and then do nothing, so exactly one caller sees `created: true`, whatever the interleaving.
 */
export async function createRefund(
  store: LedgerStore,
  input: NewRefund,
): Promise<{ created: boolean; refund: RefundRecord }> {
  if (typeof input.refundId !== 'string' || input.refundId === '') {
    throw new TypeError('refundId must be a non-empty string');
  }
  const leaseUntil = toMilliseconds(input.leaseUntil, 'leaseUntil');
  const now = Date.now();
  return store.write(async (transaction) => {
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
        attempts: 0,
        next_check_at: null,
        lease_owner: input.leaseOwner,
        lease_until: leaseUntil,
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) => conflict.column('refund_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted !== undefined) {
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
          leaseUntil: input.leaseUntil.toISOString(),
        },
      });
      return { created: true, refund: toRefundRecord(inserted) };
    }
    // A new statement, so under READ COMMITTED it sees the row whose commit the insert waited for.
    const existing = await transaction
      .selectFrom('refunds')
      .selectAll()
      .where('refund_id', '=', input.refundId)
      .executeTakeFirstOrThrow();
    return { created: false, refund: toRefundRecord(existing) };
  });
}
