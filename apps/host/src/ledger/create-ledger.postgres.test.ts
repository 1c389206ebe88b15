import { randomBytes } from 'node:crypto';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLedger } from '../../test/ledger/describe-ledger';
import { describeRecordRefund } from '../../test/ledger/describe-record-refund';
import { describeWebhookOutbox } from '../../test/ledger/describe-webhook-outbox';
import { type RunningPostgres, startPostgres } from '../../test/support/start-postgres';
import { expectUpgradedLedger, writeLedgerBeforeEvidence } from './__fixtures__/upgrade-from-before-evidence';
import { claimKinds, dueCandidates } from './claim-due';
import { createLedger } from './create-ledger';
import type { LedgerDatabase } from './ledger-database';
import { silentLogger } from './ledger-logger';
import { loadPg } from './load-pg';
import { openPostgresStore } from './postgres-store';

let postgres: RunningPostgres | undefined;
let startFailure: unknown;

beforeAll(async () => {
  try {
    postgres = await startPostgres();
  } catch (error) {
    startFailure = error;
  }
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

/** Every test fails, naming the reason, when there is no PostgreSQL: this suite is never skipped silently. */
function server(): RunningPostgres {
  if (postgres === undefined) {
    throw new Error(
      `PostgreSQL is unavailable, so the PostgreSQL ledger is untested: ${String(startFailure)}`,
      {
        cause: startFailure,
      },
    );
  }
  return postgres;
}

async function query(url: string, statement: string): Promise<Record<string, unknown>[]> {
  const { Client } = await loadPg();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A URL whose connections work in a new, empty schema of the file's database: far cheaper than a database per
 * test, and it shows that ledgers in different schemas of one database keep apart.
 */
async function createSchemaUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `ledger_${randomBytes(6).toString('hex')}`;
  const { url: databaseUrl } = server();
  await query(databaseUrl, `create schema ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // Dropped after each test: the Migrator's introspection reads every schema's tables, so they must not pile up.
  return {
    url: url.toString(),
    drop: () => query(databaseUrl, `drop schema ${schema} cascade`).then(() => {}),
  };
}

/** A fresh, empty database per test. */
const postgresSchema: Parameters<typeof describeLedger>[1] = {
  dialect: 'postgres',
  async createStore() {
    const { url, drop } = await createSchemaUrl();
    return {
      open: (extra) => createLedger({ databaseUrl: url, ...extra }),
      execute: async (statement) => {
        await query(url, statement);
      },
      dispose: drop,
    };
  },
};

describeLedger('postgres', postgresSchema);
describeWebhookOutbox('postgres', postgresSchema);
describeRecordRefund('postgres', postgresSchema);

describe('postgres ledger', () => {
  it('migrates a fresh database from two hosts at once, amounts as text and times as bigint', async () => {
    const url = await server().createDatabase();
    const ledgers = await Promise.all([
      createLedger({ databaseUrl: url }),
      createLedger({ databaseUrl: url }),
    ]);
    await Promise.all(ledgers.map((ledger) => ledger.close()));
    const columns = await query(
      url,
      `select column_name, data_type from information_schema.columns
        where table_schema = 'public' and table_name = 'refunds'`,
    );
    const typeOf = (name: string) => columns.find((column) => column.column_name === name)?.data_type;
    expect(typeOf('amount')).toBe('text');
    expect(typeOf('request')).toBe('text');
    expect(typeOf('created_at')).toBe('bigint');
    expect(typeOf('next_check_at')).toBe('bigint');
    // Every index of refunds costs every write an entry; the counts per account and state are kept in
    // refund_counts, so nothing reads the (account, state) index any more.
    const indexes = await query(
      url,
      `select indexname from pg_indexes where schemaname = 'public' and tablename = 'refunds'`,
    );
    expect(indexes.map((row) => row.indexname)).not.toContain('refunds_account_state');
    expect(await query(url, 'select name from public.kysely_migration order by name')).toEqual([
      { name: '0001_create_ledger' },
      { name: '0002_index_refunds_of_order' },
      { name: '0003_record_evidence_and_nonces' },
      { name: '0004_index_for_operators' },
      { name: '0005_create_webhook_outbox' },
      { name: '0006_keep_refund_counts' },
      { name: '0007_mark_awaited_order_locks' },
      { name: '0008_index_only_claimable_refunds' },
    ]);
  });

  it('fails only the write whose connection the server ends mid-transaction, never the process', async () => {
    const { url, drop } = await createSchemaUrl();
    const warnings: string[] = [];
    const store = await openPostgresStore(url, {
      ...silentLogger,
      warn: (_fields, message) => warnings.push(message),
    });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      // Between two statements of a transaction the connection is out of the pool with no query running: a
      // failover or a restart ending it then must fail this write, not crash the host.
      const write = store.write(async (transaction) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(transaction);
        await query(url, `select pg_terminate_backend(${Number(rows[0]?.pid)})`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await sql`select 1`.execute(transaction);
      });
      await expect(write).rejects.toThrow();
      expect(uncaught).toEqual([]);
      expect(warnings).toContain('a PostgreSQL ledger connection failed');
      // The pool drops the ended connection; the next write gets a fresh one.
      await store.write(async (transaction) => {
        await sql`select 1`.execute(transaction);
      });
    } finally {
      process.off('uncaughtException', onUncaught);
      await store.close();
      await drop();
    }
  });

  it('keeps its pooled connections open while the host is idle, so the next burst finds them ready', async () => {
    const store = await openPostgresStore(await server().createDatabase(), silentLogger);
    try {
      const ledgerConnections = async () => {
        const { rows } = await sql<{ count: string }>`
          select count(*) as count from pg_stat_activity
          where datname = current_database() and application_name = 'refunds-ledger'`.execute(store.database);
        return Number(rows[0]?.count);
      };
      // A burst as wide as the pool opens every connection of it.
      await Promise.all(Array.from({ length: 10 }, () => sql`select pg_sleep(0.2)`.execute(store.database)));
      expect(await ledgerConnections()).toBe(10);
      // pg closes a connection idle for 10 s by default; the next burst then waited for new connections, each
      // preparing its statements again.
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      expect(await ledgerConnections()).toBe(10);
    } finally {
      await store.close();
    }
  }, 30_000);

  it('upgrades a ledger written before the evidence columns, keeping its refunds', async () => {
    const { url, drop } = await createSchemaUrl();
    const { Pool } = await loadPg();
    const database = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new Pool({ connectionString: url, max: 1 }) }),
    });
    try {
      await writeLedgerBeforeEvidence(database, 'postgres');
    } finally {
      await database.destroy();
    }
    const ledger = await createLedger({ databaseUrl: url });
    try {
      await expectUpgradedLedger(ledger);
    } finally {
      await ledger.close();
      await drop();
    }
  });

  it('finds due refunds through an index and locks them with SKIP LOCKED', async () => {
    const { url, drop } = await createSchemaUrl();
    await (await createLedger({ databaseUrl: url })).close();
    const { Pool } = await loadPg();
    const pool = new Pool({ connectionString: url, max: 1 });
    const database = new Kysely<LedgerDatabase>({ dialect: new PostgresDialect({ pool }) });
    try {
      await database.connection().execute(async (connection) => {
        // An empty table would be scanned whatever the indexes: ask whether an index can serve the query.
        await sql`set enable_seqscan = off`.execute(connection);
        for (const kind of claimKinds) {
          const compiled = dueCandidates(connection, 'postgres', kind, Date.now(), 10, [
            'account-a',
            'account-b',
          ]).compile();
          expect(compiled.sql).toMatch(/for update skip locked$/);
          const { rows } = await connection.executeQuery<{ 'QUERY PLAN': string }>(
            CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
          );
          const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
          const index = /(?:Index (?:Only )?Scan using|Bitmap Index Scan on) (refunds_\w+)/.exec(plan)?.[1];
          expect(index, `${kind.state}: ${plan}`).toMatch(/lease_until|next_check_at/);
          expect(plan, kind.state).not.toMatch(/Seq Scan/);
          expect(plan, kind.state).toMatch(/Limit/);
          // A partial index: finished refunds, nearly all of a ledger, write no entry into it on any update.
          const { rows: definitions } = await connection.executeQuery<{ indexdef: string }>(
            CompiledQuery.raw(
              'select indexdef from pg_indexes where schemaname = current_schema() and indexname = $1',
              [index],
            ),
          );
          expect(definitions[0]?.indexdef, index).toMatch(/ WHERE /);
        }
      });
    } finally {
      await database.destroy();
      await drop();
    }
  });
});
