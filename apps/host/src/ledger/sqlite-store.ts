import { mkdirSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { configureSqlite } from './configure-sqlite';
import { createMutex, type Mutex } from './create-mutex';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerLogger } from './ledger-logger';
import type { LedgerStore, WriteOptions } from './ledger-store';
import { migrateLedger } from './migrate-ledger';

/**
 * Writers on one file within this process. better-sqlite3 waits for a busy lock synchronously, so two ledgers of
 * one process on one file would block the event loop the other needs to finish its transaction; queueing them
 * here first leaves `busy_timeout` to arbitrate only between processes.
 */
const fileWriters = new Map<string, { mutex: Mutex; users: number }>();

function takeFileWriter(file: string | undefined): { mutex: Mutex; release(): void } {
  if (file === undefined) {
    return { mutex: createMutex(), release: () => {} };
  }
  const entry = fileWriters.get(file) ?? { mutex: createMutex(), users: 0 };
  entry.users += 1;
  fileWriters.set(file, entry);
  let released = false;
  return {
    mutex: entry.mutex,
    release() {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users === 0) fileWriters.delete(file);
    },
  };
}

/** Opens (creating it and its directory if needed), configures and migrates a SQLite ledger. */
export async function openSqliteStore(path: string, logger: LedgerLogger): Promise<LedgerStore> {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  try {
    configureSqlite(sqlite, logger);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const writer = takeFileWriter(memory ? undefined : realpathSync(path));
  const database: Kysely<LedgerDatabase> = new Kysely<LedgerDatabase>({
    dialect: new SqliteDialect({ database: sqlite }),
  });

  const write = <T>(
    work: (transaction: Kysely<LedgerDatabase>) => Promise<T>,
    options: WriteOptions = {},
  ): Promise<T> =>
    writer.mutex.run(() =>
      database.connection().execute(async (connection) => {
        // `synchronous` belongs to the connection: lowered for this commit only and restored before the next
        // writer, which waits for this one, begins. Each flush costs about a millisecond on a real disk.
        const durable = options.durable !== false;
        if (!durable) sqlite.pragma('synchronous = NORMAL');
        try {
          // IMMEDIATE takes the write lock up front: a deferred transaction that reads first could find its
          // snapshot stale when it comes to write, and fail instead of waiting.
          await sql`begin immediate`.execute(connection);
          try {
            const result = await work(connection);
            await sql`commit`.execute(connection);
            return result;
          } catch (error) {
            // SQLite has already rolled back after some errors (a full disk, an I/O error).
            if (sqlite.inTransaction) {
              await sql`rollback`.execute(connection).catch((rollbackError: unknown) => {
                logger.error({ err: rollbackError }, 'SQLite ledger rollback failed');
              });
            }
            throw error;
          }
        } finally {
          if (!durable) sqlite.pragma('synchronous = FULL');
        }
      }),
    );

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= database.destroy().finally(() => writer.release());
    return closing;
  };

  try {
    // Inside one IMMEDIATE transaction: a crash mid-migration leaves no half-made schema behind, and a second
    // process starting at the same moment waits for the lock and then finds the work done.
    await write((transaction) => migrateLedger(transaction, 'sqlite', logger));
  } catch (error) {
    await close();
    throw error;
  }
  return { dialect: 'sqlite', database, write, close };
}
