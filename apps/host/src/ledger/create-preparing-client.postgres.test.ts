import { randomBytes } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../../test/support/start-postgres';
import { createPreparingClient } from './create-preparing-client';
import { silentLogger } from './ledger-logger';
import { loadPg } from './load-pg';
import { openPostgresStore } from './postgres-store';

let postgres: RunningPostgres;

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

/** A connection of a preparing client class, on a database of its own. */
async function connect(options?: Parameters<typeof createPreparingClient>[1]): Promise<pg.Client> {
  const { Client } = await loadPg();
  const Preparing = createPreparingClient(Client, options);
  const client = new Preparing({ connectionString: await postgres.createDatabase() });
  await client.connect();
  return client;
}

async function preparedOn(client: pg.Client): Promise<string[]> {
  // A statement without values: never prepared itself, so it does not count itself.
  const { rows } = await client.query<{ statement: string }>(
    'select statement from pg_prepared_statements order by prepare_time',
  );
  return rows.map((row) => row.statement);
}

describe('createPreparingClient', () => {
  it('prepares a statement with values once it was sent the threshold number of times, with the same answers', async () => {
    const client = await connect({ threshold: 3 });
    try {
      const text = 'select $1::int + 1 as next';
      for (const value of [1, 2]) {
        expect((await client.query(text, [value])).rows).toEqual([{ next: value + 1 }]);
      }
      expect(await preparedOn(client)).toEqual([]);
      for (const value of [3, 4, 5]) {
        expect((await client.query(text, [value])).rows).toEqual([{ next: value + 1 }]);
      }
      expect(await preparedOn(client)).toEqual([text]);
    } finally {
      await client.end();
    }
  });

  it('never prepares a statement without values, nor more statements than its maximum', async () => {
    const client = await connect({ threshold: 1, maximum: 2 });
    try {
      for (let index = 0; index < 3; index += 1) await client.query('select 1');
      for (let index = 0; index < 4; index += 1) await client.query(`select $1::int + ${index}`, [index]);
      expect(await preparedOn(client)).toEqual(['select $1::int + 0', 'select $1::int + 1']);
    } finally {
      await client.end();
    }
  });

  it('fails once when a migration changed a prepared statement’s columns, then prepares it again', async () => {
    const client = await connect({ threshold: 1 });
    try {
      await client.query('create table things (id int primary key, name text)');
      await client.query(`insert into things values (1, 'one')`);
      const text = 'select * from things where id = $1';
      expect((await client.query(text, [1])).rows).toEqual([{ id: 1, name: 'one' }]);
      // Another host, newer, migrates while this one runs (a rolling upgrade).
      await client.query('alter table things add column note text');
      await expect(client.query(text, [1])).rejects.toThrow('cached plan must not change result type');
      expect((await client.query(text, [1])).rows).toEqual([{ id: 1, name: 'one', note: null }]);
      // Another statement prepared before the migration is prepared again too, without failing first.
      await client.query('alter table things add column more text');
      await expect(client.query(text, [1])).rejects.toThrow('cached plan must not change result type');
      expect((await client.query(text, [1])).rows).toHaveLength(1);
    } finally {
      await client.end();
    }
  });

  it('stops preparing on a connection whose prepared statements vanished (a pooler without support for them)', async () => {
    const client = await connect({ threshold: 1 });
    try {
      const text = 'select $1::int * 2 as double';
      expect((await client.query(text, [2])).rows).toEqual([{ double: 4 }]);
      // What PgBouncer in transaction mode before 1.21 amounts to: the next statement may reach a server
      // connection that never saw the prepared one.
      await client.query('deallocate all');
      await expect(client.query(text, [3])).rejects.toThrow(/prepared statement .* does not exist/);
      expect((await client.query(text, [4])).rows).toEqual([{ double: 8 }]);
      expect((await client.query(text, [5])).rows).toEqual([{ double: 10 }]);
      expect(await preparedOn(client)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('has the PostgreSQL ledger prepare the statements of its refund path', async () => {
    const store = await openPostgresStore(await postgres.createDatabase(), silentLogger);
    try {
      // Sequential writes reuse one pooled connection (the pool lends the one released last), which the
      // catalogue query below then runs on too.
      for (let index = 0; index < 4; index += 1) {
        await store.database
          .insertInto('nonces')
          .values({ scope: `scope-${randomBytes(4).toString('hex')}`, value: 1 })
          .execute();
      }
      const { rows } = await store.database.executeQuery<{ statement: string }>(
        CompiledQuery.raw('select statement from pg_prepared_statements'),
      );
      expect(rows.map((row) => row.statement)).toContainEqual(expect.stringMatching(/^insert into "nonces"/));
    } finally {
      await store.close();
    }
  });
});
