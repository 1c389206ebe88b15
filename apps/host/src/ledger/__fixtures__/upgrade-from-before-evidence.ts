import { type Kysely, Migrator, sql } from 'kysely';
import { expect } from 'vitest';
import type { Ledger } from '../ledger';
import type { LedgerDialect } from '../ledger-dialect';
import { ledgerMigrations } from '../migrations';

const lastBeforeEvidence = '0002_index_refunds_of_order';
const createdAt = 1_700_000_000_000;
const updatedAt = 1_700_000_123_456;

/**
 * Migrates an empty database only as far as a host released before the evidence columns would
 * have, and writes one `unknown` refund the way that host did (raw SQL: today's types know newer columns).
 */
export async function writeLedgerBeforeEvidence(
  database: Kysely<unknown>,
  dialect: LedgerDialect,
): Promise<void> {
  // On PostgreSQL, as the ledger does: Kysely's own tables in the schema the ledger goes to, not any schema.
  const schema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: database,
    provider: { getMigrations: async () => ledgerMigrations(dialect) },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error } = await migrator.migrateTo(lastBeforeEvidence);
  if (error !== undefined) throw error;
  await sql`
    insert into refunds (refund_id, account, provider, order_id, amount, currency, request_hash, request, state,
      attempts, next_check_at, created_at, updated_at)
    values ('refund-old', 'account-a', 'gatepay', 'order-old', '2.00', 'USDT', 'hash',
      '{"refundId":"refund-old","orderId":"order-old","amount":{"amount":"2.00","currency":"USDT"}}', 'unknown',
      4, ${updatedAt + 1_000}, ${createdAt}, ${updatedAt})`.execute(database);
}

/** What the upgraded ledger must say about that refund. */
export async function expectUpgradedLedger(ledger: Ledger): Promise<void> {
  expect(await ledger.getRefund('refund-old')).toMatchObject({
    state: 'unknown',
    attempts: 4,
    failureOutcome: undefined,
    checkFailures: 0,
    resends: 0,
    // The latest it can have been sent, as far as that host recorded: a settle window from it ends no sooner.
    sentAt: new Date(updatedAt),
    notFoundAt: undefined,
  });
  expect(await ledger.nextNonce('coincorner:key', 5)).toBe(5);
}
