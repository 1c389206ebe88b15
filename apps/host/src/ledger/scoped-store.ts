import { type Kysely, sql } from 'kysely';
import { createMutex } from './create-mutex';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerStore } from './ledger-store';

/**
 * A store whose reads and writes all run in an open write transaction of another store, for as long as `end`
 * has not been called. Each `write` is a savepoint, so it stays atomic on its own as on a real store: a caller
 * that catches one write's failure and goes on commits none of that write's statements. Writes run one at a
 * time, since savepoints nest rather than interleave.
 */
export function scopedStore(
  parent: Pick<LedgerStore, 'dialect' | 'announceOrderRelease' | 'waitForOrderRelease'>,
  transaction: Kysely<LedgerDatabase>,
): LedgerStore & { end(): void } {
  let ended = false;
  const open = (): Kysely<LedgerDatabase> => {
    // After the transaction has committed, its connection belongs to someone else.
    if (ended) throw new Error('This ledger transaction has ended; use the ledger itself');
    return transaction;
  };
  const writes = createMutex();
  return {
    dialect: parent.dialect,
    get database() {
      return open();
    },
    write: (work) =>
      writes.run(async () => {
        const connection = open();
        await sql`savepoint ledger_write`.execute(connection);
        try {
          const result = await work(connection);
          await sql`release savepoint ledger_write`.execute(connection);
          return result;
        } catch (error) {
          // The original error is the one to report; some failures (SQLite's full disk) end the whole
          // transaction, and the savepoint with it.
          await sql`rollback to savepoint ledger_write`
            .execute(connection)
            .then(() => sql`release savepoint ledger_write`.execute(connection))
            .catch(() => {});
          throw error;
        }
      }),
    announceOrderRelease: (transaction, account, orderId, waiting) =>
      parent.announceOrderRelease(transaction, account, orderId, waiting),
    waitForOrderRelease: (account, orderId, until) => parent.waitForOrderRelease(account, orderId, until),
    async close() {},
    end() {
      ended = true;
    },
  };
}
