import type { RefundRequest } from '@refunds/core';
import { requireDependency } from './workspace-paths';

/**
 * What the floor proxy writes, one flushed write per step: the refund before the call (`record`), its outcome
 * after it and its status check later (`settle`, from `sending` or from `pending`).
 *
 * - `one`: one row in a table with a primary key and nothing else. No ledger does less.
 * - `design`: the rows the host's design requires of each step and nothing more, with primary keys only: the
 *   refund, its event (the append-only log beside the current state), the order's lock (taken in the record's
 *   write and released in the outcome's, issue 19) and the count of its state (kept in the same write, issue
 *   19), striped as the host's are so that concurrent writes do not queue on one row. No secondary index, no
 *   foreign key, lease, request hash, webhook outbox or any column the host's features read.
 */
export type FloorRows = 'one' | 'design';

export interface FloorLedger {
  record(request: RefundRequest): Promise<void>;
  settle(refundId: string, from: 'sending' | 'pending', state: string): Promise<void>;
}

/** As the host's refund_counts (adjust-refund-counts.ts). */
const countStripes = 16;
const randomStripe = () => Math.floor(Math.random() * countStripes);

const oneRow = {
  tables: [
    'create table if not exists floor_refunds (refund_id text primary key, request text not null, state text not null)',
  ],
  // PostgreSQL's placeholders; SQLite's are `?` in the same order.
  statements: {
    record: 'insert into floor_refunds (refund_id, request, state) values ($1, $2, $3)',
    settle: 'update floor_refunds set state = $2 where refund_id = $1',
  },
};

const designRows = {
  tables: [
    'create table if not exists design_refunds (refund_id text primary key, order_id text not null, request text not null, state text not null)',
    'create table if not exists design_events (refund_id text not null, type text not null, data text)',
    'create table if not exists design_order_locks (order_id text primary key, owner text not null)',
    'create table if not exists design_counts (state text not null, stripe integer not null, count bigint not null, primary key (state, stripe))',
  ],
  // One statement per step, as the host's are on PostgreSQL: the lock, the refund, its event and its count.
  postgres: {
    record: `with locked as (
        insert into design_order_locks (order_id, owner) values ($2, $1) on conflict do nothing returning order_id
      ), inserted as (
        insert into design_refunds (refund_id, order_id, request, state)
        select $1, order_id, $3, 'sending' from locked returning refund_id
      ), event as (
        insert into design_events (refund_id, type, data) select refund_id, 'created', $3 from inserted
      ), counted as (
        insert into design_counts (state, stripe, count) select 'sending', $4::integer, 1 from inserted
        on conflict (state, stripe) do update set count = design_counts.count + excluded.count
      )
      select count(*)::integer as written from inserted`,
    settle: `with updated as (
        update design_refunds set state = $3 where refund_id = $1 and state = $2 returning refund_id, order_id
      ), event as (
        insert into design_events (refund_id, type, data) select refund_id, 'settled', $3 from updated
      ), released as (
        delete from design_order_locks where $2 = 'sending' and order_id in (select order_id from updated)
      ), counted as (
        insert into design_counts (state, stripe, count)
        select moved.state, $4::integer, moved.delta
        from updated cross join (values ($2::text, -1), ($3::text, 1)) as moved (state, delta)
        -- A status check that finds the state unchanged moves no count (and one upsert may not hit a row twice).
        where $2::text <> $3::text
        on conflict (state, stripe) do update set count = design_counts.count + excluded.count
      )
      select count(*)::integer as written from updated`,
  },
  // SQLite has no data-modifying CTEs: the same rows, one transaction per step.
  sqlite: {
    lock: 'insert into design_order_locks (order_id, owner) values (?, ?) on conflict do nothing',
    refund: "insert into design_refunds (refund_id, order_id, request, state) values (?, ?, ?, 'sending')",
    event: 'insert into design_events (refund_id, type, data) values (?, ?, ?)',
    update: 'update design_refunds set state = ? where refund_id = ? and state = ? returning order_id',
    release: 'delete from design_order_locks where order_id = ?',
    count:
      'insert into design_counts (state, stripe, count) values (?, ?, ?) ' +
      'on conflict (state, stripe) do update set count = count + excluded.count',
  },
};

interface PgPool {
  query(
    query: string | { name: string; text: string; values: unknown[] },
  ): Promise<{ rows: Record<string, unknown>[] }>;
}

interface SqliteDatabase {
  pragma(source: string): unknown;
  exec(source: string): void;
  prepare(source: string): {
    run(...values: unknown[]): { changes: number };
    get(...values: unknown[]): Record<string, unknown> | undefined;
  };
  transaction<Arguments extends unknown[]>(
    work: (...values: Arguments) => void,
  ): (...values: Arguments) => void;
}

function written(rows: Record<string, unknown>[], what: string): void {
  // The bench's refunds have orders of their own; a write that wrote nothing means the floor is wrong.
  if (rows[0]?.written !== 1) throw new Error(`the floor's ${what} wrote nothing`);
}

async function openPostgres(url: string, rows: FloorRows): Promise<FloorLedger> {
  const { Pool } = requireDependency('pg') as {
    Pool: new (options: { connectionString: string; keepAlive: boolean }) => PgPool;
  };
  const pool = new Pool({ connectionString: url, keepAlive: true });
  const [tables, statements] =
    rows === 'one' ? [oneRow.tables, oneRow.statements] : [designRows.tables, designRows.postgres];
  for (const table of tables) await pool.query(table);
  // Each its own commit, as the host's writes are; prepared once per connection, as the host's are.
  const run = async (name: 'record' | 'settle', values: unknown[]) =>
    (await pool.query({ name, text: statements[name], values })).rows;
  return rows === 'one'
    ? {
        record: async (request) => {
          await run('record', [request.refundId, JSON.stringify(request), 'sending']);
        },
        settle: async (refundId, _from, state) => {
          await run('settle', [refundId, state]);
        },
      }
    : {
        record: async (request) =>
          written(
            await run('record', [request.refundId, request.orderId, JSON.stringify(request), randomStripe()]),
            'record',
          ),
        settle: async (refundId, from, state) =>
          written(await run('settle', [refundId, from, state, randomStripe()]), 'settle'),
      };
}

function openSqlite(path: string, rows: FloorRows): FloorLedger {
  const Sqlite = requireDependency('better-sqlite3') as new (path: string) => SqliteDatabase;
  const database = new Sqlite(path);
  // The host's settings: every commit flushed.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  if (rows === 'one') {
    for (const table of oneRow.tables) database.exec(table);
    const record = database.prepare(oneRow.statements.record.replaceAll(/\$\d/g, '?'));
    const settle = database.prepare(oneRow.statements.settle.replaceAll(/\$\d/g, '?'));
    return {
      record: async (request) => {
        record.run(request.refundId, JSON.stringify(request), 'sending');
      },
      settle: async (refundId, _from, state) => {
        settle.run(refundId, state);
      },
    };
  }
  for (const table of designRows.tables) database.exec(table);
  const statement = Object.fromEntries(
    Object.entries(designRows.sqlite).map(([name, text]) => [name, database.prepare(text)]),
  ) as Record<keyof typeof designRows.sqlite, ReturnType<SqliteDatabase['prepare']>>;
  const record = database.transaction((request: RefundRequest) => {
    if (statement.lock.run(request.orderId, request.refundId).changes !== 1) {
      throw new Error("the floor's record found its order locked");
    }
    const text = JSON.stringify(request);
    statement.refund.run(request.refundId, request.orderId, text);
    statement.event.run(request.refundId, 'created', text);
    statement.count.run('sending', randomStripe(), 1);
  });
  const settle = database.transaction((refundId: string, from: string, state: string) => {
    const updated = statement.update.get(state, refundId, from);
    if (!updated) throw new Error("the floor's settle wrote nothing");
    statement.event.run(refundId, 'settled', state);
    if (from === 'sending') statement.release.run(updated.order_id);
    if (from === state) return;
    const stripe = randomStripe();
    statement.count.run(from, stripe, -1);
    statement.count.run(state, stripe, 1);
  });
  return {
    record: async (request) => record(request),
    settle: async (refundId, from, state) => settle(refundId, from, state),
  };
}

/** The floor's ledger: SQLite at `sqlitePath` unless `postgresUrl` is given. */
export async function openFloorLedger(options: {
  rows: FloorRows;
  sqlitePath: string;
  postgresUrl?: string;
}): Promise<FloorLedger> {
  return options.postgresUrl
    ? openPostgres(options.postgresUrl, options.rows)
    : openSqlite(options.sqlitePath, options.rows);
}
