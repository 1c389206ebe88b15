import type { Kysely } from 'kysely';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerStore } from './ledger-store';

/** Inside the caller's transaction: releases an order's lock if `owner` holds it, and wakes its waiters. */
export async function deleteOrderLock(
  store: Pick<LedgerStore, 'announceOrderRelease'>,
  transaction: Kysely<LedgerDatabase>,
  lock: { account: string; orderId: string; owner: string },
): Promise<void> {
  const deleted = await transaction
    .deleteFrom('order_locks')
    .where('account', '=', lock.account)
    .where('order_id', '=', lock.orderId)
    .where('owner', '=', lock.owner)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) > 0) {
    await store.announceOrderRelease(transaction, lock.account, lock.orderId);
  }
}
