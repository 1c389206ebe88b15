import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants, readFileSync, rmSync } from 'node:fs';
import { access, chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { loadPg } from '../../src/ledger/load-pg';

export interface RunningPostgres {
  /** A fresh, empty database of its own on the server. */
  url: string;
  /** Another fresh, empty database on the same server, dropped (or thrown away with the server) by `stop`. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

interface Server {
  adminUrl: string;
  /** Whether `stop` throws the whole server away, databases included. */
  throwaway: boolean;
  stop(): Promise<void>;
}

interface OsUser {
  uid: number;
  gid: number;
}

const environmentVariable = 'REFUNDS_TEST_DATABASE_URL';

/**
 * A PostgreSQL for tests and benchmarks: the server named by REFUNDS_TEST_DATABASE_URL when set, otherwise a
 * throwaway one started from the machine's binaries (as the `postgres` OS user when running as root, since
 * PostgreSQL refuses root). Either way each `url` is a database nobody else uses.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  // Loaded before a server is started for nothing.
  const { Client } = await loadPg();
  const externalUrl = process.env[environmentVariable];
  const server: Server =
    externalUrl !== undefined && externalUrl !== ''
      ? { adminUrl: externalUrl, throwaway: false, stop: async () => {} }
      : await startServer();

  const admin = new Client({ connectionString: server.adminUrl });
  // Errors surface through the next query; without a listener a dropped connection would crash the process.
  admin.on('error', () => {});
  const created: string[] = [];
  let stopping: Promise<void> | undefined;

  const createDatabase = async (): Promise<string> => {
    const name = `refunds_test_${randomBytes(8).toString('hex')}`;
    await admin.query(`create database "${name}"`);
    created.push(name);
    const url = new URL(server.adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };

  const stop = async (): Promise<void> => {
    try {
      if (!server.throwaway) {
        for (const name of created) {
          // WITH (FORCE): a test that forgot to close its pool must not keep the database alive.
          await admin.query(`drop database if exists "${name}" with (force)`);
        }
      }
    } finally {
      await admin.end().catch(() => {});
      await server.stop();
    }
  };

  try {
    await admin.connect();
    const url = await createDatabase();
    return {
      url,
      createDatabase,
      stop: () => {
        stopping ??= stop();
        return stopping;
      },
    };
  } catch (error) {
    await stop().catch(() => {});
    throw new Error(`Could not prepare a test database on PostgreSQL: ${describeError(error)}`, {
      cause: error,
    });
  }
}

async function startServer(): Promise<Server> {
  const binaries = await findBinaries();
  const user = await serverUser();
  const directory = await mkdtemp(join(tmpdir(), 'refunds-pg-'));
  const data = join(directory, 'data');
  const log = join(directory, 'postgres.log');
  const pgCtl = join(binaries, 'pg_ctl');

  const run = (binary: string, args: readonly string[]): Promise<void> =>
    new Promise((resolve, reject) => {
      execFile(
        binary,
        args,
        { ...childOptions(user, directory), timeout: 60_000 },
        (error, _stdout, stderr) => {
          if (error === null) resolve();
          else reject(new Error(`${binary} failed: ${stderr.trim() || error.message}`, { cause: error }));
        },
      );
    });

  // If the test process exits without calling stop, the server must not outlive it.
  const stopSynchronously = (): void => {
    spawnSync(pgCtl, ['-D', data, '-m', 'immediate', 'stop'], childOptions(user, directory));
    rmSync(directory, { recursive: true, force: true });
  };

  try {
    // pg_ctl hands the -o options to a shell; a temp path is plain, but make sure.
    if (!/^[\w./-]+$/.test(directory)) throw new Error(`Unsafe temporary directory name: ${directory}`);
    if (user !== undefined) await chown(directory, user.uid, user.gid);
    await run(join(binaries, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    process.once('exit', stopSynchronously);

    let port: number | undefined;
    let lastError: unknown;
    // The free port found may be taken before the server binds it; another port then does.
    for (let attempt = 0; attempt < 3 && port === undefined; attempt += 1) {
      const candidate = await freePort();
      const options = [
        `-c listen_addresses=127.0.0.1 -p ${candidate} -k ${directory}`,
        // Throwaway data: durability would only slow the tests down.
        '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
      ].join(' ');
      try {
        await run(pgCtl, ['-D', data, '-l', log, '-w', '-t', '30', '-o', options, 'start']);
        port = candidate;
      } catch (error) {
        lastError = error;
      }
    }
    if (port === undefined) {
      const serverLog = await readFile(log, 'utf8').catch(() => '');
      throw new Error(`PostgreSQL did not start: ${describeError(lastError)}\n${serverLog.slice(-2000)}`, {
        cause: lastError,
      });
    }

    const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    return {
      adminUrl,
      throwaway: true,
      async stop() {
        process.off('exit', stopSynchronously);
        try {
          await run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } catch {
          killPostmaster(data);
        }
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.off('exit', stopSynchronously);
    stopSynchronously();
    throw error;
  }
}

function childOptions(user: OsUser | undefined, directory: string) {
  return {
    cwd: directory,
    // A clean environment: PGPORT, PGDATA or a locale from the caller must not change the server.
    env: { PATH: process.env.PATH ?? '', LANG: 'C', LC_ALL: 'C' },
    ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }),
  };
}

function killPostmaster(data: string): void {
  try {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    // SIGQUIT is PostgreSQL's immediate shutdown.
    if (Number.isSafeInteger(pid) && pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // Not running: nothing to stop.
  }
}

async function findBinaries(): Promise<string> {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter((entry) => entry !== '');
  const installed = await readdir('/usr/lib/postgresql').catch((): string[] => []);
  const versioned = installed
    .filter((version) => /^\d+(\.\d+)?$/.test(version))
    .sort((left, right) => Number(right) - Number(left))
    .map((version) => join('/usr/lib/postgresql', version, 'bin'));
  for (const directory of [...onPath, ...versioned]) {
    if ((await isExecutable(join(directory, 'initdb'))) && (await isExecutable(join(directory, 'pg_ctl')))) {
      return directory;
    }
  }
  throw new Error(
    'PostgreSQL server binaries (initdb, pg_ctl) are neither on PATH nor in /usr/lib/postgresql/*/bin; ' +
      `install PostgreSQL or set ${environmentVariable}`,
  );
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL refuses to run as root: as root, its processes run as the `postgres` user instead. */
async function serverUser(): Promise<OsUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string): Promise<number> =>
    new Promise((resolve, reject) => {
      execFile('id', [flag, 'postgres'], (error, stdout) => {
        const value = Number(stdout.trim());
        if (error === null && Number.isSafeInteger(value)) resolve(value);
        else
          reject(
            new Error('Running as root needs a `postgres` OS user to run PostgreSQL as', { cause: error }),
          );
      });
    });
  return { uid: await id('-u'), gid: await id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
