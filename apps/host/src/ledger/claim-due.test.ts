import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { claimDue, claimKinds, dueCandidates } from './claim-due';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerDialect } from './ledger-dialect';
import type { LedgerStore } from './ledger-store';

// The SQL a claim sends, compiled by Kysely for each dialect without a database server: what only PostgreSQL
// would notice (row locks, and an `IN ()` it refuses where SQLite matches nothing) is checked here in
// milliseconds; create-ledger.postgres.test.ts runs the same query against a real server.

/** A store over Kysely's dummy driver (every query answers no rows), recording each statement and transaction. */
function compilingStore(dialect: LedgerDialect) {
  const sent: string[] = [];
  let writes = 0;
  const database = new Kysely<LedgerDatabase>({
    dialect: {
      createAdapter: () => (dialect === 'postgres' ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) =>
        dialect === 'postgres' ? new PostgresIntrospector(kysely) : new SqliteIntrospector(kysely),
      createQueryCompiler: () =>
        dialect === 'postgres' ? new PostgresQueryCompiler() : new SqliteQueryCompiler(),
    },
    log: (event) => {
      sent.push(event.query.sql);
    },
  });
  const store: LedgerStore = {
    dialect,
    database,
    write: (work) => {
      writes++;
      return work(database);
    },
    announceOrderRelease: async () => {},
    waitForOrderRelease: async () => {},
    close: () => database.destroy(),
  };
  return { store, sent, writes: () => writes };
}

const terms = { now: new Date(1_700_000_000_000), leaseMs: 30_000 };

describe('dueCandidates', () => {
  it('locks the candidates FOR UPDATE SKIP LOCKED on PostgreSQL, so concurrent claimers pass each other by', () => {
    const { store } = compilingStore('postgres');
    for (const kind of claimKinds) {
      const { sql } = dueCandidates(store.database, 'postgres', kind, Date.now(), 10, [
        'account-a',
      ]).compile();
      expect(sql, kind.state).toMatch(/ for update skip locked$/);
    }
  });

  it('asks SQLite, which has no row locks and refuses the clause, for no lock', () => {
    const { store } = compilingStore('sqlite');
    for (const kind of claimKinds) {
      const { sql } = dueCandidates(store.database, 'sqlite', kind, Date.now(), 10, ['account-a']).compile();
      expect(sql, kind.state).not.toMatch(/for update/);
    }
  });
});

describe('claimDue: the statements it sends', () => {
  it('claims each kind of due refund with one UPDATE over locked candidates on PostgreSQL', async () => {
    const { store, sent, writes } = compilingStore('postgres');
    expect(await claimDue(store, 'host-a', { ...terms, accounts: ['account-a'], limit: 10 })).toEqual([]);
    expect(writes()).toBe(1);
    expect(sent).toHaveLength(claimKinds.length);
    for (const statement of sent) {
      expect(statement).toMatch(
        /^update "refunds" set .* where "refund_id" in \(select .* for update skip locked\)/,
      );
    }
  });

  it('sends nothing, not even an empty IN (), for a host with no accounts', async () => {
    // PostgreSQL refuses `account in ()` with a syntax error; SQLite accepts it, so only this test sees it.
    const { store, sent, writes } = compilingStore('postgres');
    expect(await claimDue(store, 'host-a', { ...terms, accounts: [], limit: 10 })).toEqual([]);
    expect(sent).toEqual([]);
    expect(writes()).toBe(0);
  });

  it('opens no transaction for a claim of nothing', async () => {
    for (const limit of [0, -5, 0.5, Number.NaN]) {
      const { store, sent, writes } = compilingStore('postgres');
      expect(await claimDue(store, 'host-a', { ...terms, accounts: ['account-a'], limit })).toEqual([]);
      expect(sent, String(limit)).toEqual([]);
      expect(writes(), String(limit)).toBe(0);
    }
  });
});
