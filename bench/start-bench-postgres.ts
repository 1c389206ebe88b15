import { startPostgres } from '../apps/host/test/support/start-postgres.ts';
import { requireDependency } from './workspace-paths';

export interface BenchPostgres {
  url: string;
  /** Version and the durability settings in force, for the report. */
  description: string;
  /** Another empty database on the same server, so that sides measured in turn share no tables. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, string>[] }>;
  end(): Promise<void>;
}

// Read by startPostgres too: a server of the caller's instead of a throwaway one.
const externalDatabaseVariable = 'REFUNDS_TEST_DATABASE_URL';

/** The tests' throwaway PostgreSQL (or REFUNDS_TEST_DATABASE_URL), described as it runs. */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  const postgres = await startPostgres();
  const { Client } = requireDependency('pg') as {
    Client: new (options: { connectionString: string }) => PgClient;
  };
  const client = new Client({ connectionString: postgres.url });
  try {
    await client.connect();
    const setting = async (name: string) => (await client.query(`show ${name}`)).rows[0]?.[name] ?? '?';
    const external = (process.env[externalDatabaseVariable] ?? '') !== '';
    const description =
      `PostgreSQL ${await setting('server_version')} (${external ? 'REFUNDS_TEST_DATABASE_URL' : "the tests' throwaway server on this machine"}; ` +
      `fsync ${await setting('fsync')}, synchronous_commit ${await setting('synchronous_commit')}, ` +
      `shared_buffers ${await setting('shared_buffers')})`;
    return { url: postgres.url, description, createDatabase: postgres.createDatabase, stop: postgres.stop };
  } catch (error) {
    await postgres.stop();
    throw error;
  } finally {
    await client.end();
  }
}
