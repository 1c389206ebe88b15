import { takeOrderLock } from './acquire-order-lock';
import { insertRefund, selectRefund } from './create-refund';
import type { NewRefund, RecordRefundResult } from './ledger';
import type { LedgerStore } from './ledger-store';

/** Thrown inside the write to roll back a lock taken for an insert that lost its race. */
class IdTakenMeanwhile extends Error {}

/**
 * The refund's record and its order's lock in one durable write (issue 19): the refund exists exactly when its
 * order is locked for it, and one flush covers both. An id already recorded is returned as it is, taking no lock;
 * an order locked by a live owner records nothing and says until when the lock holds.
 */
export async function recordRefund(
  store: LedgerStore,
  input: NewRefund,
  lock: { owner: string; ttlMs: number },
): Promise<RecordRefundResult> {
  try {
    return await store.write(async (transaction) => {
      const existing = await selectRefund(transaction, input.refundId);
      if (existing !== undefined) return { outcome: 'exists', refund: existing };
      const now = Date.now();
      const taken = await takeOrderLock(
        transaction,
        { account: input.account, orderId: input.orderId, owner: lock.owner, ttlMs: lock.ttlMs },
        now,
      );
      if (!taken.taken) return { outcome: 'order_busy', lockedUntil: new Date(taken.until) };
      const inserted = await insertRefund(transaction, input, now);
      // PostgreSQL: another transaction inserted this id after our read; its lock is not ours to keep.
      if (inserted === undefined) throw new IdTakenMeanwhile();
      return { outcome: 'created', refund: inserted };
    });
  } catch (error) {
    if (!(error instanceof IdTakenMeanwhile)) throw error;
    const existing = await selectRefund(store.database, input.refundId);
    if (existing === undefined) throw new Error(`refund ${input.refundId} vanished from the ledger`);
    return { outcome: 'exists', refund: existing };
  }
}
