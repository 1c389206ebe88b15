import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './percentile';
import { requireDependency } from './workspace-paths';

interface Database {
  pragma(source: string): unknown;
  exec(source: string): void;
  prepare(source: string): { run(...parameters: unknown[]): unknown };
  close(): void;
}

/**
 * What one SQLite commit costs on this disk with the ledger's settings (WAL, synchronous=FULL: a flush per
 * commit) and without the flush (NORMAL), alternating blocks. It bounds what any SQLite host can do here.
 */
export function measureSqliteCommit(directory: string): { fullMs: number; normalMs: number } {
  const Sqlite = requireDependency('better-sqlite3') as new (path: string) => Database;
  const path = join(directory, 'commit-cost.sqlite');
  const database = new Sqlite(path);
  try {
    database.pragma('journal_mode = WAL');
    database.exec('create table rows (id integer primary key, value text)');
    const insert = database.prepare('insert into rows (value) values (?)');
    const full: number[] = [];
    const normal: number[] = [];
    for (let block = 0; block < 20; block += 1) {
      for (const [setting, samples] of [
        ['FULL', full],
        ['NORMAL', normal],
      ] as const) {
        database.pragma(`synchronous = ${setting}`);
        const started = performance.now();
        for (let commit = 0; commit < 20; commit += 1) insert.run('a refund');
        samples.push((performance.now() - started) / 20);
      }
    }
    return { fullMs: median(full), normalMs: median(normal) };
  } finally {
    database.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}
