import { checkTtl, takeOrderLock } from './acquire-order-lock';
import { insertRefund, selectRefund } from './create-refund';
import { releaseOrderLock } from './delete-order-lock';
import type { NewRefund, RecordRefundResult } from './ledger';
import type { LedgerStore } from './ledger-store';
import { recordRefundInOneStatement } from './record-refund-in-one-statement';

/** Thrown inside the write to roll back a lock taken for an insert that lost its race. */
class IdTakenMeanwhile extends Error {}

/**
 * The refund's record and its order's lock in one durable write (issue 19): the refund exists exactly when its
 * order is locked for it, and one flush covers both. An id already recorded is returned as it is, keeping no
 * lock; an order locked by a live owner records nothing and says until when the lock holds (whether or not the
 * id is taken: the caller looks again once it is released). On PostgreSQL one statement, otherwise one
 * transaction.
 */
export async function recordRefund(
  store: LedgerStore,
  input: NewRefund,
  lock: { owner: string; ttlMs: number },
): Promise<RecordRefundResult> {
  if (store.writeOneStatement !== undefined) {
    checkTtl(lock.ttlMs);
    const now = Date.now();
    const recorded = await recordRefundInOneStatement(
      store.writeOneStatement,
      input,
      { owner: lock.owner, until: now + lock.ttlMs },
      now,
    );
    if (recorded.outcome !== 'lock_kept_for_nothing') return recorded;
    // The id was recorded meanwhile for another order, whose lock this statement then took for nothing.
    await releaseOrderLock(store, { account: input.account, orderId: input.orderId, owner: lock.owner });
    return existingRefund(store, input.refundId);
  }
  try {
    return await store.write(async (transaction) => {
      // The caller has just looked the id up: no read here. An id recorded since is found by the insert.
      const now = Date.now();
      const taken = await takeOrderLock(
        transaction,
        { account: input.account, orderId: input.orderId, owner: lock.owner, ttlMs: lock.ttlMs },
        now,
      );
      if (!taken.taken) return { outcome: 'order_busy', lockedUntil: new Date(taken.until) };
      const inserted = await insertRefund(transaction, input, now);
      // The id is taken: the lock just taken for it is not ours to keep.
      if (inserted === undefined) throw new IdTakenMeanwhile();
      return { outcome: 'created', refund: inserted };
    });
  } catch (error) {
    if (!(error instanceof IdTakenMeanwhile)) throw error;
    return existingRefund(store, input.refundId);
  }
}

async function existingRefund(store: LedgerStore, refundId: string): Promise<RecordRefundResult> {
  const existing = await selectRefund(store.database, refundId);
  if (existing === undefined) throw new Error(`refund ${refundId} vanished from the ledger`);
  return { outcome: 'exists', refund: existing };
}
