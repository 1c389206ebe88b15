import type { Kysely } from 'kysely';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerStore } from './ledger-store';
import { prepareQuery } from './prepare-query';

const deleteOrderLockRow = prepareQuery<
  { account: string; orderId: string; owner: string },
  { waiting: boolean | number }
>((database, parameter) =>
  database
    .deleteFrom('order_locks')
    .where('account', '=', parameter('account'))
    .where('order_id', '=', parameter('orderId'))
    .where('owner', '=', parameter('owner'))
    .returning('waiting'),
);

/** Inside the caller's transaction: releases an order's lock if `owner` holds it, and wakes its waiters. */
export async function deleteOrderLock(
  store: Pick<LedgerStore, 'announceOrderRelease'>,
  transaction: Kysely<LedgerDatabase>,
  lock: { account: string; orderId: string; owner: string },
): Promise<void> {
  const [deleted] = (await deleteOrderLockRow(transaction, lock)).rows;
  if (deleted !== undefined) {
    // SQLite answers 0 or 1.
    await store.announceOrderRelease(transaction, lock.account, lock.orderId, Boolean(deleted.waiting));
  }
}

/** Releases an order's lock if `owner` holds it, in a write of its own (a lost release only delays the order). */
export async function releaseOrderLock(
  store: Pick<LedgerStore, 'announceOrderRelease' | 'write'>,
  lock: { account: string; orderId: string; owner: string },
): Promise<void> {
  await store.write((transaction) => deleteOrderLock(store, transaction, lock), { durable: false });
}
