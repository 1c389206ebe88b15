import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { markdownTable } from './markdown-table';
import { hostDirectory, packageDirectory, providerNames, requireDependency } from './workspace-paths';

function versionOf(directory: string): string {
  try {
    return (JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function sqliteVersion(): string {
  try {
    const Database = requireDependency('better-sqlite3') as new (
      path: string,
    ) => { prepare(sql: string): { pluck(): { get(): string } }; close(): void };
    const database = new Database(':memory:');
    const version = database.prepare('select sqlite_version()').pluck().get();
    database.close();
    return version;
  } catch {
    return 'unknown';
  }
}

/** What a reader needs to judge the figures: hardware, how busy it was when the run started, every version. */
export function describeMachine(): string {
  const processors = cpus();
  const [oneMinute, fiveMinutes] = loadavg();
  const packages = [
    ['@refunds/core', versionOf(packageDirectory('core'))],
    ...providerNames.map((name) => [`@refunds/${name}`, versionOf(packageDirectory(name))]),
    ['@refunds/host', versionOf(hostDirectory)],
  ];
  // pnpm links each package's dependencies beside it, so these are the versions that package loads.
  const dependencies = [
    ['ky', versionOf(join(packageDirectory('core'), 'node_modules', 'ky'))],
    ['valibot', versionOf(join(packageDirectory('core'), 'node_modules', 'valibot'))],
    ['hono', versionOf(join(hostDirectory, 'node_modules', 'hono'))],
    ['kysely', versionOf(join(hostDirectory, 'node_modules', 'kysely'))],
    ['better-sqlite3', versionOf(join(hostDirectory, 'node_modules', 'better-sqlite3'))],
    ['pg', versionOf(join(hostDirectory, 'node_modules', 'pg'))],
  ];
  const rows = [
    ['Date', new Date().toISOString()],
    ['CPU', `${processors[0]?.model ?? 'unknown'}, ${processors.length} cores`],
    ['Memory', `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`],
    ['OS', `${type()} ${release()}`],
    ['Load average at start', `${oneMinute?.toFixed(2)} (1 min), ${fiveMinutes?.toFixed(2)} (5 min)`],
    ['Node.js', process.version],
    ['SQLite', sqliteVersion()],
    ['Packages', packages.map(([name, version]) => `${name} ${version}`).join(', ')],
    ['Dependencies', dependencies.map(([name, version]) => `${name} ${version}`).join(', ')],
  ];
  return markdownTable(['Machine', ''], rows);
}
