import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPg } from '../../src/ledger/load-pg';
import { startPostgres } from './start-postgres';

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

describe('startPostgres', () => {
  it('serves fresh databases and leaves nothing behind when stopped', async () => {
    const server = await startPostgres();
    let stopped = false;
    try {
      const second = await server.createDatabase();
      expect(second).not.toBe(server.url);
      const [first] = await query(server.url, 'select current_database() as name, current_user as user');
      const [other] = await query(second, 'select current_database() as name');
      expect(first?.name).toMatch(/^refunds_test_[0-9a-f]{16}$/);
      expect(other?.name).not.toBe(first?.name);
      expect(
        await query(
          server.url,
          'select count(*)::int as tables from pg_tables where schemaname = $$public$$',
        ),
      ).toEqual([{ tables: 0 }]);

      const socketDirectory = process.env.REFUNDS_TEST_DATABASE_URL
        ? undefined
        : String((await query(server.url, 'show unix_socket_directories'))[0]?.unix_socket_directories);
      await server.stop();
      stopped = true;
      await expect(query(server.url, 'select 1')).rejects.toThrow();
      if (socketDirectory !== undefined) expect(existsSync(socketDirectory)).toBe(false);
    } finally {
      if (!stopped) await server.stop();
    }
  }, 30_000);
});
