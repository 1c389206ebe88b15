import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerLogger } from './ledger-logger';
import type { LedgerStore } from './ledger-store';
import { loadPg } from './load-pg';
import { migrateLedger } from './migrate-ledger';

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

/** Connects a pool to PostgreSQL and migrates the ledger schema. */
export async function openPostgresStore(url: string, logger: LedgerLogger): Promise<LedgerStore> {
  const { Pool } = await loadPg();
  const pool = new Pool({
    connectionString: url,
    application_name: 'refunds-ledger',
    // An unreachable server fails calls (and /readyz) within seconds instead of hanging them.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // Without a listener, an idle connection dropped by the server would crash the host process.
  pool.on('error', (error) => {
    logger.error({ err: error }, 'an idle PostgreSQL ledger connection failed');
  });
  const database: Kysely<LedgerDatabase> = new Kysely<LedgerDatabase>({
    dialect: new PostgresDialect({ pool }),
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= database.destroy();
    return closing;
  };

  try {
    await withMigrationLock(pool, () => migrateLedger(database, 'postgres', logger));
  } catch (error) {
    await close();
    throw error;
  }
  return {
    dialect: 'postgres',
    database,
    // READ COMMITTED is enough: every guarded change is one conditional UPDATE or INSERT ... ON CONFLICT,
    // which PostgreSQL re-checks against the latest committed row after waiting for its lock.
    write: (work) => database.transaction().execute(work),
    close,
  };
}
