import type { Kysely, QueryCreator } from 'kysely';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerStore } from './ledger-store';
import { prepareQuery } from './prepare-query';

export interface OrderLock {
  account: string;
  orderId: string;
  owner: string;
  ttlMs: number;
}

export function checkTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new TypeError(`ttlMs must be a positive integer, got ${String(ttlMs)}`);
  }
}

/**
 * Insert the lock, or take over the existing row when it has expired or is already ours; returns the owner when
 * taken. The values may be prepareQuery's placeholders (here and in the record's one statement).
 */
export function upsertOrderLockStatement(
  database: QueryCreator<LedgerDatabase>,
  lock: { account: string; orderId: string; owner: string; until: number; now: number },
) {
  return database
    .insertInto('order_locks')
    .values({ account: lock.account, order_id: lock.orderId, owner: lock.owner, until: lock.until })
    .onConflict((conflict) =>
      conflict
        .columns(['account', 'order_id'])
        .doUpdateSet({ owner: lock.owner, until: lock.until })
        .where((expression) =>
          expression.or([
            expression('order_locks.until', '<', lock.now),
            expression('order_locks.owner', '=', lock.owner),
          ]),
        ),
    )
    .returning('owner');
}

const upsertOrderLock = prepareQuery<
  { account: string; orderId: string; owner: string; until: number; now: number },
  { owner: string }
>((database, parameter) =>
  upsertOrderLockStatement(database, {
    account: parameter('account'),
    orderId: parameter('orderId'),
    owner: parameter('owner'),
    until: parameter('until'),
    now: parameter('now'),
  }),
);

const selectOrderLockUntil = prepareQuery<{ account: string; orderId: string }, { until: number | string }>(
  (database, parameter) =>
    database
      .selectFrom('order_locks')
      .select('until')
      .where('account', '=', parameter('account'))
      .where('order_id', '=', parameter('orderId')),
);

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
  const acquired = await upsertOrderLock(transaction, { ...lock, until, now });
  if (acquired.rows.length > 0) return { taken: true };
  const [held] = (await selectOrderLockUntil(transaction, lock)).rows;
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
