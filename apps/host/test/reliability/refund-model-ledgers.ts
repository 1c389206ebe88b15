import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedger } from '../../src/ledger/create-ledger';
import type { Ledger } from '../../src/ledger/ledger';
import { loadPg } from '../../src/ledger/load-pg';
import { startPostgres } from '../support/start-postgres';

export type ModelBackend = 'sqlite' | 'postgres';

/** One run's ledger: empty, shared by the run's host processes, each through a connection of its own. */
export interface ModelLedger {
  /** Opens one more connection to this run's ledger, as another host process would. */
  connect(): Promise<Ledger>;
  /** Closes every connection opened and throws the ledger away. */
  dispose(): Promise<void>;
}

export interface ModelLedgers {
  backend: ModelBackend;
  fresh(): Promise<ModelLedger>;
  close(): Promise<void>;
}

/**
 * Where the model's runs keep their ledgers: a SQLite file per run (not `:memory:`, which each connection would
 * see as a database of its own), or a PostgreSQL schema per run on one throwaway server (a database per run
 * would cost more than the run).
 */
export async function openModelLedgers(backend: ModelBackend): Promise<ModelLedgers> {
  return backend === 'sqlite' ? sqliteLedgers() : postgresLedgers();
}

function tracked(open: () => Promise<Ledger>, remove: () => Promise<void>): ModelLedger {
  const connections: Ledger[] = [];
  return {
    async connect() {
      const ledger = await open();
      connections.push(ledger);
      return ledger;
    },
    async dispose() {
      await Promise.allSettled(connections.map((ledger) => ledger.close()));
      await remove();
    },
  };
}

function sqliteLedgers(): ModelLedgers {
  const directory = mkdtempSync(join(tmpdir(), 'refunds-model-'));
  let runs = 0;
  return {
    backend: 'sqlite',
    async fresh() {
      const sqlitePath = join(directory, `run-${++runs}.sqlite`);
      return tracked(
        () => createLedger({ sqlitePath }),
        async () => {
          for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
        },
      );
    },
    async close() {
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function postgresLedgers(): Promise<ModelLedgers> {
  const postgres = await startPostgres();
  const { Client } = await loadPg();
  const admin = new Client({ connectionString: postgres.url });
  admin.on('error', () => {});
  await admin.connect();
  return {
    backend: 'postgres',
    async fresh() {
      const schema = `model_${randomBytes(6).toString('hex')}`;
      await admin.query(`create schema ${schema}`);
      const url = new URL(postgres.url);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return tracked(
        () => createLedger({ databaseUrl: url.toString() }),
        async () => {
          // Dropped after each run: migrations introspect every schema of the database, so they must not pile up.
          await admin.query(`drop schema ${schema} cascade`);
        },
      );
    },
    async close() {
      await admin.end().catch(() => {});
      await postgres.stop();
    },
  };
}
