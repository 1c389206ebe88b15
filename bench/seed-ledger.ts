import { requireDependency } from './workspace-paths';

/** Accounts of the seeded refunds; the host the scaling section starts knows only the first. */
export const seededAccounts = [
  'gatepay:bench',
  'iotpay:bench',
  'bonuspay:bench',
  'coincorner:bench',
] as const;
/** Refunds the reconciler must look at, kept at the same number whatever the size of the ledger. */
export const dueRefunds = 200;

const createdBase = Date.parse('2025-01-01T00:00:00Z');
const dayMs = 86_400_000;

export function seededRefundId(index: number): string {
  return `seed${String(index).padStart(8, '0')}`;
}

export function seededOrder(index: number): { account: string; orderId: string } {
  return {
    account: seededAccounts[index % seededAccounts.length]!,
    orderId: `order${Math.floor(index / 8)}`,
  };
}

interface SqliteStatement {
  run(...parameters: unknown[]): unknown;
}
interface SqliteDatabase {
  pragma(source: string): unknown;
  prepare(source: string): SqliteStatement;
  transaction<Arguments extends unknown[]>(
    work: (...parameters: Arguments) => void,
  ): (...parameters: Arguments) => void;
  exec(source: string): void;
  close(): void;
}

/**
 * A realistic history: 98 of 100 refunds final (succeeded or failed), one pending with its next check a day away,
 * each with its first event, orders with two refunds each per account, created 10 ms apart. Rows are written
 * straight into the migrated schema; the loader's own connection skips fsync, the host's never does.
 */
export function seedSqliteLedger(path: string, from: number, to: number): void {
  const Database = requireDependency('better-sqlite3') as new (path: string) => SqliteDatabase;
  const database = new Database(path);
  try {
    database.pragma('synchronous = OFF');
    const insertRefund = database.prepare(
      `insert into refunds (refund_id, account, provider, order_id, amount, currency, request_hash, request, state,
        provider_status, provider_refund_id, failure_code, failure_message, attempts, next_check_at, lease_owner,
        lease_until, created_at, updated_at)
       values (?, ?, ?, ?, '10.00', 'USDT', 'seed', ?, ?, ?, ?, ?, ?, 1, ?, null, null, ?, ?)`,
    );
    const insertEvent = database.prepare(
      `insert into refund_events (refund_id, type, at, data) values (?, 'created', ?, '{"seeded":true}')`,
    );
    const insertRange = database.transaction((start: number, end: number) => {
      for (let index = start; index < end; index += 1) {
        const refundId = seededRefundId(index);
        const { account, orderId } = seededOrder(index);
        const state = index % 100 === 0 ? 'failed' : index % 100 === 1 ? 'pending' : 'succeeded';
        const createdAt = createdBase + index * 10;
        insertRefund.run(
          refundId,
          account,
          account.split(':')[0],
          orderId,
          JSON.stringify({ refundId, orderId, amount: { amount: '10.00', currency: 'USDT' } }),
          state,
          state,
          `p${index}`,
          state === 'failed' ? 'declined' : null,
          state === 'failed' ? 'Declined by the provider' : null,
          state === 'pending' ? Date.now() + dayMs : null,
          createdAt,
          createdAt,
        );
        insertEvent.run(refundId, createdAt);
      }
    });
    for (let start = from; start < to; start += 100_000) insertRange(start, Math.min(to, start + 100_000));
    // The due refunds are rewritten at each size, so claims measured at every size find the same work.
    const upsertDue = database.prepare(
      `insert into refunds (refund_id, account, provider, order_id, amount, currency, request_hash, request, state,
        attempts, next_check_at, created_at, updated_at)
       values (?, 'gatepay:bench', 'gatepay', ?, '1.00', 'USDT', 'seed', ?, ?, 0, 1, ?, ?)
       on conflict (refund_id) do update set state = excluded.state, next_check_at = 1, lease_owner = null,
         lease_until = null, provider_status = null`,
    );
    database.transaction(() => {
      for (let index = 0; index < dueRefunds; index += 1) {
        const refundId = `due${String(index).padStart(5, '0')}`;
        upsertDue.run(
          refundId,
          `due-order${index}`,
          JSON.stringify({
            refundId,
            orderId: `due-order${index}`,
            amount: { amount: '1.00', currency: 'USDT' },
          }),
          index % 2 === 0 ? 'pending' : 'unknown',
          createdBase,
          createdBase,
        );
      }
    })();
    // Rows written straight into the tables bypass the counts the ledger keeps with each change: rebuilt here.
    database.exec(recountRefunds);
  } finally {
    database.close();
  }
}

/** The ledger's kept counts, recomputed from the seeded rows (outside any timing). */
const recountRefunds = `delete from refund_counts;
  insert into refund_counts (account, state, stripe, count)
  select account, state, 0, count(*) from refunds group by account, state;`;

interface PgClient {
  connect(): Promise<void>;
  query(source: string, parameters?: unknown[]): Promise<unknown>;
  end(): Promise<void>;
}

/** The same rows as on SQLite, generated by PostgreSQL itself (generate_series), a million in seconds. */
export async function seedPostgresLedger(url: string, from: number, to: number): Promise<void> {
  const { Client } = requireDependency('pg') as {
    Client: new (options: { connectionString: string }) => PgClient;
  };
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    const accounts = `(array['${seededAccounts.join("','")}'])[(i % ${seededAccounts.length}) + 1]`;
    for (let start = from; start < to; start += 200_000) {
      const end = Math.min(to, start + 200_000) - 1;
      await client.query(
        `insert into refunds (refund_id, account, provider, order_id, amount, currency, request_hash, request, state,
           provider_status, provider_refund_id, failure_code, failure_message, attempts, next_check_at, created_at,
           updated_at)
         select 'seed' || lpad(i::text, 8, '0'), ${accounts}, split_part(${accounts}, ':', 1),
           'order' || (i / 8), '10.00', 'USDT', 'seed',
           json_build_object('refundId', 'seed' || lpad(i::text, 8, '0'), 'orderId', 'order' || (i / 8),
             'amount', json_build_object('amount', '10.00', 'currency', 'USDT'))::text,
           case i % 100 when 0 then 'failed' when 1 then 'pending' else 'succeeded' end,
           case i % 100 when 0 then 'failed' when 1 then 'pending' else 'succeeded' end,
           'p' || i,
           case when i % 100 = 0 then 'declined' end,
           case when i % 100 = 0 then 'Declined by the provider' end,
           1,
           case when i % 100 = 1 then $1::bigint end,
           $2::bigint + i * 10, $2::bigint + i * 10
         from generate_series($3::bigint, $4::bigint) as i`,
        [Date.now() + dayMs, createdBase, start, end],
      );
      await client.query(
        `insert into refund_events (refund_id, type, at, data)
         select 'seed' || lpad(i::text, 8, '0'), 'created', $1::bigint + i * 10, '{"seeded":true}'
         from generate_series($2::bigint, $3::bigint) as i`,
        [createdBase, start, end],
      );
    }
    await client.query(
      `insert into refunds (refund_id, account, provider, order_id, amount, currency, request_hash, request, state,
         attempts, next_check_at, created_at, updated_at)
       select 'due' || lpad(i::text, 5, '0'), 'gatepay:bench', 'gatepay', 'due-order' || i, '1.00', 'USDT', 'seed',
         json_build_object('refundId', 'due' || lpad(i::text, 5, '0'), 'orderId', 'due-order' || i,
           'amount', json_build_object('amount', '1.00', 'currency', 'USDT'))::text,
         case when i % 2 = 0 then 'pending' else 'unknown' end, 0, 1, $1::bigint, $1::bigint
       from generate_series(0, ${dueRefunds - 1}) as i
       on conflict (refund_id) do update set state = excluded.state, next_check_at = 1, lease_owner = null,
         lease_until = null, provider_status = null`,
      [createdBase],
    );
    await client.query(recountRefunds);
    await client.query('analyze refunds');
    await client.query('analyze refund_events');
  } finally {
    await client.end();
  }
}

/** Makes the due refunds due again after a claim leased them, outside any timing. */
export interface DueReleaser {
  release(): Promise<void>;
  close(): Promise<void>;
}

const releaseDue = `update refunds set lease_owner = null, lease_until = null where refund_id like 'due%'`;

export function sqliteDueReleaser(path: string): DueReleaser {
  const Database = requireDependency('better-sqlite3') as new (path: string) => SqliteDatabase;
  const database = new Database(path);
  database.pragma('busy_timeout = 5000');
  return {
    release: async () => database.exec(releaseDue),
    close: async () => database.close(),
  };
}

export async function postgresDueReleaser(url: string): Promise<DueReleaser> {
  const { Client } = requireDependency('pg') as {
    Client: new (options: { connectionString: string }) => PgClient;
  };
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    release: async () => {
      await client.query(releaseDue);
    },
    close: () => client.end(),
  };
}
