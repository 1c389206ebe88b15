import type { Kysely } from 'kysely';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerStore } from './ledger-store';

export interface OrderLock {
  account: string;
  orderId: string;
  owner: string;
  ttlMs: number;
}

function checkTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new TypeError(`ttlMs must be a positive integer, got ${String(ttlMs)}`);
  }
}

/**
 * One statement, inside the caller's transaction: insert the lock, or take over the existing row when it has
 * expired or is already ours. The conflict's WHERE is evaluated on the latest committed row after waiting for
 * any concurrent acquirer, so of several acquirers exactly one gets a row back. Returns when the lock held by
 * someone else runs out when it is not taken.
 */
export async function takeOrderLock(
  transaction: Kysely<LedgerDatabase>,
  lock: OrderLock,
  now: number,
): Promise<{ taken: true } | { taken: false; until: number }> {
  checkTtl(lock.ttlMs);
  const until = now + lock.ttlMs;
  const acquired = await transaction
    .insertInto('order_locks')
    .values({ account: lock.account, order_id: lock.orderId, owner: lock.owner, until })
    .onConflict((conflict) =>
      conflict
        .columns(['account', 'order_id'])
        .doUpdateSet({ owner: lock.owner, until })
        .where((expression) =>
          expression.or([
            expression('order_locks.until', '<', now),
            expression('order_locks.owner', '=', lock.owner),
          ]),
        ),
    )
    .returning('owner')
    .executeTakeFirst();
  if (acquired !== undefined) return { taken: true };
  const held = await transaction
    .selectFrom('order_locks')
    .select('until')
    .where('account', '=', lock.account)
    .where('order_id', '=', lock.orderId)
    .executeTakeFirst();
  return { taken: false, until: Number(held?.until ?? now) };
}

/** Takes the lock in a transaction of its own (the reconciler's resend, a resend of a never-sent refund). */
export async function acquireOrderLock(store: LedgerStore, lock: OrderLock): Promise<boolean> {
  checkTtl(lock.ttlMs);
  const result = await store.write((transaction) => takeOrderLock(transaction, lock, Date.now()), {
    durable: false,
  });
  return result.taken;
}
