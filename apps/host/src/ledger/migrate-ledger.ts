import { type Kysely, Migrator, sql } from 'kysely';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerDialect } from './ledger-dialect';
import type { LedgerLogger } from './ledger-logger';
import { ledgerMigrations } from './migrations';

/**
 * Brings the schema up to date. The caller holds the store's migration lock, so a second host starting at the
 * same moment waits here and then finds nothing left to do.
 */
export async function migrateLedger(
  database: Kysely<LedgerDatabase>,
  dialect: LedgerDialect,
  logger: LedgerLogger,
): Promise<void> {
  const migrator = new Migrator({
    db: database,
    provider: { getMigrations: async () => ledgerMigrations(dialect) },
    ...(dialect === 'postgres' ? { migrationTableSchema: await currentSchema(database) } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success') {
      logger.info({ migration: result.migrationName, dialect }, 'ledger migration applied');
    } else if (result.status === 'Error') {
      logger.error({ migration: result.migrationName, dialect }, 'ledger migration failed');
    }
  }
  if (error !== undefined) {
    throw new Error(`Could not migrate the ${dialect} ledger: ${describeError(error)}`, { cause: error });
  }
}

/**
 * The schema the ledger's tables go to (the first of the search_path). Kysely's Migrator looks for its own
 * tables in every schema unless told which one: a `kysely_migration` of another application, or of another
 * ledger, in another schema of the same database would otherwise pass for ours.
 */
async function currentSchema(database: Kysely<LedgerDatabase>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(database);
  const schema = rows[0]?.schema;
  if (schema === null || schema === undefined) {
    throw new Error('The PostgreSQL search_path names no existing schema to create the ledger in');
  }
  return schema;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
