import type { LedgerStore } from './ledger-store';

/**
 * One statement: insert the lock, or take over the existing row when it has expired or is already ours. The
 * conflict's WHERE is evaluated on the latest committed row after waiting for any concurrent acquirer, so of
 * several acquirers exactly one gets a row back.
 */
export async function acquireOrderLock(
  store: LedgerStore,
  lock: { account: string; orderId: string; owner: string; ttlMs: number },
): Promise<boolean> {
  if (!Number.isSafeInteger(lock.ttlMs) || lock.ttlMs <= 0) {
    throw new TypeError(`ttlMs must be a positive integer, got ${String(lock.ttlMs)}`);
  }
  const now = Date.now();
  const until = now + lock.ttlMs;
  const acquired = await store.write(
    (transaction) =>
      transaction
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
        .executeTakeFirst(),
    { durable: false },
  );
  return acquired !== undefined;
}
