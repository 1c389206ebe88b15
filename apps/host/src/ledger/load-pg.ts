import type pg from 'pg';

export type PgModule = typeof pg;

let loading: Promise<PgModule> | undefined;

/**
 * node-postgres, loaded on first use so that a host on SQLite never loads it. A load failure is explained: when
 * Node runs with `--conditions import` (Vitest passes `ssr.resolve.conditions` to its workers that way), pg's
 * `require('pg-pool')` receives pg-pool's ES module namespace instead of its class, and pg cannot load at all.
 */
export function loadPg(): Promise<PgModule> {
  loading ??= import('pg').then(
    (loaded) => loaded.default,
    (error: unknown) => {
      loading = undefined;
      const hint = process.execArgv.some(
        (argument, index, all) =>
          argument === '--conditions=import' || (argument === '--conditions' && all[index + 1] === 'import'),
      )
        ? " This process runs with '--conditions import', which breaks pg's require('pg-pool'); " +
          "leave 'import' out of the resolve conditions (vitest.shared.ts)."
        : '';
      throw new Error(
        `Could not load the PostgreSQL driver (pg): ${error instanceof Error ? error.message : String(error)}.${hint}`,
        { cause: error },
      );
    },
  );
  return loading;
}
