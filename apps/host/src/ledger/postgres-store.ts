import { SpanKind } from '@opentelemetry/api';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import { inSpan } from '../logging/in-span';
import { createOrderWaiters, orderKey } from './create-order-waiters';
import { createPreparingClient } from './create-preparing-client';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerLogger } from './ledger-logger';
import type { LedgerStore } from './ledger-store';
import { loadPg } from './load-pg';
import { migrateLedger } from './migrate-ledger';
import { orderReleasedChannel } from './order-released-channel';
import { prepareQuery } from './prepare-query';

/** However a notification was lost (the listener reconnecting), a wait looks again after this long. */
const lostNotificationRecheckMs = 1_000;

const markAwaitedOrderLock = prepareQuery<{ account: string; orderId: string }, never>(
  (database, parameter) =>
    database
      .updateTable('order_locks')
      .set({ waiting: true })
      .where('account', '=', parameter('account'))
      .where('order_id', '=', parameter('orderId')),
);

/** Our own advisory lock key (Kysely's Migrator uses another), scoped by PostgreSQL to the database. */
const migrationLockKey = '7172030512345678';

/**
 * Holds a session advisory lock on a connection of its own while `work` migrates through the pool, so two
 * hosts starting at once never race to create the same tables.
 */
async function withMigrationLock<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    // A host stuck holding the lock should fail our start, not hang it forever.
    await client.query(`set lock_timeout = '120s'`);
    await client.query('select pg_advisory_lock($1::bigint)', [migrationLockKey]);
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1::bigint)', [migrationLockKey]);
    }
  } finally {
    // Discarded rather than pooled: ending the session releases the lock even if the unlock failed, and
    // drops the session setting.
    client.release(true);
  }
}

const poolSize = 10;

/** Connects a pool to PostgreSQL and migrates the ledger schema. */
export async function openPostgresStore(url: string, logger: LedgerLogger): Promise<LedgerStore> {
  const { Pool, Client } = await loadPg();
  const pool = new Pool({
    Client: createPreparingClient(Client),
    connectionString: url,
    application_name: 'refunds-ledger',
    // A pool of a fixed size: pg closes a connection idle for 10 s unless the pool is at its minimum, and the
    // next burst of refunds then waited for new connections, each a new server process that loads its catalogue
    // and prepares the refund path's statements again (up to 270 ms on the first requests after a pause, issue
    // 19). Ten is pg's default maximum, so the server sees no more connections than before, only for longer.
    max: poolSize,
    min: poolSize,
    // An unreachable server fails calls (and /readyz) within seconds instead of hanging them.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // A connection the server ends (a failover, a restart) emits 'error', which without a listener ends the host
  // process. pg-pool listens only while a connection is idle and takes its listener off the one it lends out,
  // so one ended between two statements of a transaction would do it: every connection gets a listener of its
  // own for its whole life. The statement waiting on it fails; the pool drops it when it comes back.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      logger.warn({ err: error }, 'a PostgreSQL ledger connection failed');
    });
  });
  // Re-emitted by the pool for an idle connection, which the listener above has already reported.
  pool.on('error', () => {});
  const database: Kysely<LedgerDatabase> = new Kysely<LedgerDatabase>({
    dialect: new PostgresDialect({ pool }),
  });

  const waiters = createOrderWaiters();
  let listener: Promise<pg.Client | undefined> | undefined;
  /**
   * One connection per ledger LISTENs for released orders (issue 19: waiting without polling, across instances).
   * Opened on the first wait; if it fails or drops, waits still end at their bound and the next wait reconnects.
   */
  const listen = (): Promise<pg.Client | undefined> => {
    listener ??= (async () => {
      const { Client } = await loadPg();
      const client = new Client({ connectionString: url, application_name: 'refunds-ledger-listener' });
      client.on('notification', (message) => {
        if (message.channel === orderReleasedChannel && message.payload !== undefined)
          waiters.wake(message.payload);
      });
      // Without a listener an 'error' event would crash the process; the waits fall back to their bound.
      client.on('error', (error) => {
        logger.warn(
          { err: error },
          'the PostgreSQL ledger listener failed; order waits fall back to rechecks',
        );
        listener = undefined;
        void client.end().catch(() => {});
      });
      try {
        await client.connect();
        await client.query(`listen ${orderReleasedChannel}`);
        return client;
      } catch (error) {
        logger.warn({ err: error }, 'the PostgreSQL ledger cannot LISTEN; order waits fall back to rechecks');
        listener = undefined;
        await client.end().catch(() => {});
        return undefined;
      }
    })();
    return listener;
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const client = await listener;
      listener = undefined;
      await client?.end().catch(() => {});
      await database.destroy();
    })();
    return closing;
  };

  try {
    await withMigrationLock(pool, () => migrateLedger(database, 'postgres', logger));
  } catch (error) {
    await close();
    throw error;
  }
  const writeSpan = {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system': 'postgresql', 'db.system.name': 'postgresql' },
  };
  return {
    dialect: 'postgres',
    database,
    // READ COMMITTED is enough: every guarded change is one conditional UPDATE or INSERT ... ON CONFLICT,
    // which PostgreSQL re-checks against the latest committed row after waiting for its lock.
    write: (work) => inSpan('ledger.write', writeSpan, () => database.transaction().execute(work)),
    writeOneStatement: (run) => inSpan('ledger.write', writeSpan, () => run(database)),
    async announceOrderRelease(transaction, account, orderId, waiting) {
      // Nobody marked the lock: no NOTIFY, whose lock would make this commit wait for every other notifier's.
      if (!waiting) return;
      // Delivered to every listening session when the transaction commits, and dropped if it rolls back.
      await sql`select pg_notify(${orderReleasedChannel}, ${orderKey(account, orderId)})`.execute(
        transaction,
      );
    },
    async waitForOrderRelease(account, orderId, until) {
      const key = orderKey(account, orderId);
      // Registered before LISTEN is confirmed, so a release in between still wakes it once the listener runs.
      const woken = waiters.wait(key, Math.min(until, Date.now() + lostNotificationRecheckMs));
      await listen();
      // Marked once we listen, so its release is announced. A release that commits before the mark leaves no row
      // to mark; one that commits after it reads the marked row (it waits for the mark's row lock).
      try {
        const marked = await markAwaitedOrderLock(database, { account, orderId });
        if (Number(marked.numAffectedRows ?? 0) === 0) waiters.wake(key);
      } catch (error) {
        logger.warn(
          { err: error },
          'the PostgreSQL ledger could not mark an awaited order lock; the wait rechecks',
        );
      }
      await woken;
    },
    close,
  };
}
