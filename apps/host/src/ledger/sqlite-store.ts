import { mkdirSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { inSpan } from '../logging/in-span';
import { configureSqlite } from './configure-sqlite';
import { createMutex, type Mutex } from './create-mutex';
import { createOrderWaiters, type OrderWaiters, orderKey } from './create-order-waiters';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerLogger } from './ledger-logger';
import type { LedgerStore, WriteOptions } from './ledger-store';
import { migrateLedger } from './migrate-ledger';

/**
 * Writers on one file within this process. better-sqlite3 waits for a busy lock synchronously, so two ledgers of
 * one process on one file would block the event loop the other needs to finish its transaction; queueing them
 * here first leaves `busy_timeout` to arbitrate only between processes.
 */
const fileWriters = new Map<string, { mutex: Mutex; waiters: OrderWaiters; users: number }>();

/** The writer queue of a file, and the waiters for its orders' locks: shared by every ledger of the process on it. */
function takeFileWriter(file: string | undefined): { mutex: Mutex; waiters: OrderWaiters; release(): void } {
  if (file === undefined) {
    return { mutex: createMutex(), waiters: createOrderWaiters(), release: () => {} };
  }
  const entry = fileWriters.get(file) ?? { mutex: createMutex(), waiters: createOrderWaiters(), users: 0 };
  entry.users += 1;
  fileWriters.set(file, entry);
  let released = false;
  return {
    mutex: entry.mutex,
    waiters: entry.waiters,
    release() {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users === 0) fileWriters.delete(file);
    },
  };
}

/** However many query shapes there are (lists of ids vary), the cache stays bounded. */
const maximumCachedStatements = 500;

/**
 * The database as Kysely sees it, preparing each SQL text once (issue 19): Kysely asks for a statement per query,
 * and preparing one costs more than running a small one. Statements run one at a time on this connection, so a
 * cached one is never in use twice at once.
 */
function cachingStatements(sqlite: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (statement === undefined) {
        if (statements.size >= maximumCachedStatements) statements.clear();
        statement = sqlite.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

interface QueuedWrite {
  work: (transaction: Kysely<LedgerDatabase>) => Promise<unknown>;
  durable: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  result: { value: unknown; wakes: string[] } | { error: unknown } | undefined;
}

/** However many writes are waiting, one group stays a short transaction. */
const maximumGroup = 64;

/** How long a wait for an order lock goes before it looks again, for a release by another process. */
const crossProcessRecheckMs = 250;

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
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
  });

  const { waiters } = writer;
  /** The writes waiting for the next group, in arrival order. */
  const queue: QueuedWrite[] = [];
  /** The orders whose release the write running now announced: woken once it commits. */
  let announced: string[] = [];
  let draining = false;

  /** One write of a group, inside the group's transaction: its own savepoint when it shares the transaction. */
  async function runOne(connection: Kysely<LedgerDatabase>, entry: QueuedWrite, shared: boolean) {
    announced = [];
    if (!shared) {
      entry.result = { value: await entry.work(connection), wakes: announced };
      return;
    }
    await sql`savepoint group_write`.execute(connection);
    try {
      const value = await entry.work(connection);
      await sql`release savepoint group_write`.execute(connection);
      entry.result = { value, wakes: announced };
    } catch (error) {
      // Only this write is undone; the others of the group commit. After some errors (a full disk) SQLite has
      // already ended the whole transaction: the group's runner sees that and fails every write.
      if (sqlite.inTransaction) {
        await sql`rollback to savepoint group_write`.execute(connection);
        await sql`release savepoint group_write`.execute(connection);
      }
      entry.result = { error };
    }
  }

  /**
   * Group commit (issue 19): the writes that queued while the previous group was flushing run in one
   * transaction, each in a savepoint, and share one flush. Each still resolves only after that commit, so a
   * refund is durable before its provider call, but a burst of refunds costs one fsync instead of one each.
   */
  async function runGroup(connection: Kysely<LedgerDatabase>, group: QueuedWrite[]): Promise<void> {
    // `synchronous` belongs to the connection: lowered for a group of only non-durable writes (order locks) and
    // restored before the next group. Each flush costs about a millisecond on a real disk.
    const durable = group.some((entry) => entry.durable);
    if (!durable) sqlite.pragma('synchronous = NORMAL');
    try {
      // IMMEDIATE takes the write lock up front: a deferred transaction that reads first could find its
      // snapshot stale when it comes to write, and fail instead of waiting.
      await sql`begin immediate`.execute(connection);
      try {
        for (const entry of group) {
          await runOne(connection, entry, group.length > 1);
          if (!sqlite.inTransaction) throw (entry.result as { error: unknown }).error;
        }
        // A lone write that failed rolls back, as it always did; in a group, the others still commit.
        const lone = group.length === 1 ? group[0]?.result : undefined;
        if (lone !== undefined && 'error' in lone) throw lone.error;
        await sql`commit`.execute(connection);
        logger.debug({ writes: group.length, durable }, 'SQLite ledger commit');
      } catch (error) {
        if (sqlite.inTransaction) {
          await sql`rollback`.execute(connection).catch((rollbackError: unknown) => {
            logger.error({ err: rollbackError }, 'SQLite ledger rollback failed');
          });
        }
        // Nothing of the group was committed.
        for (const entry of group) entry.result = { error };
      }
    } finally {
      if (!durable) sqlite.pragma('synchronous = FULL');
    }
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) {
        const group = queue.splice(0, maximumGroup);
        await writer.mutex.run(() =>
          database.connection().execute((connection) => runGroup(connection, group)),
        );
        for (const entry of group) {
          const result = entry.result ?? { error: new Error('the ledger write did not run') };
          if ('error' in result) entry.reject(result.error);
          else {
            for (const key of result.wakes) waiters.wake(key);
            entry.resolve(result.value);
          }
        }
        // A turn of the event loop: the writers just resolved, and the requests that arrived while the flush
        // blocked it, queue their next writes for the next group.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      draining = false;
    }
  }

  const writeInTransaction = <T>(
    work: (transaction: Kysely<LedgerDatabase>) => Promise<T>,
    options: WriteOptions = {},
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({
        work,
        durable: options.durable !== false,
        resolve: resolve as (value: unknown) => void,
        reject,
        result: undefined,
      });
      if (!draining) {
        draining = true;
        // Not at once: writes issued in this turn of the event loop, and by the requests its I/O brings in,
        // join the group before it starts (a write started at once would flush alone, and so would the next).
        setImmediate(() => void drain());
      }
    });

  // The span includes the wait for this file's writer queue: that wait is part of what a caller experiences.
  const write = <T>(
    work: (transaction: Kysely<LedgerDatabase>) => Promise<T>,
    options?: WriteOptions,
  ): Promise<T> =>
    inSpan(
      'ledger.write',
      { kind: SpanKind.CLIENT, attributes: { 'db.system': 'sqlite', 'db.system.name': 'sqlite' } },
      () => writeInTransaction(work, options),
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
  return {
    dialect: 'sqlite',
    database,
    write,
    // Every waiter of this file is in this process (another process rechecks): woken whether or not it marked.
    async announceOrderRelease(_transaction, account, orderId) {
      announced.push(orderKey(account, orderId));
    },
    // Another process on the same file announces nothing here: a wait is bounded so its release is seen soon.
    waitForOrderRelease: (account, orderId, until) =>
      waiters.wait(orderKey(account, orderId), Math.min(until, Date.now() + crossProcessRecheckMs)),
    close,
  };
}
