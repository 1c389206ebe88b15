import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchProvider } from './bench-providers';
import { freePort } from './free-port';
import { processCpuMs } from './process-cpu-ms';
import { hostCli } from './workspace-paths';

export interface CliHost {
  url: string;
  account: string;
  /**
   * Several keys, used in turn by the driver: the host limits each key to 200 requests per second, a guard
   * against one runaway client that a benchmark would otherwise measure instead of the host.
   */
  apiKeys: readonly string[];
  process: ChildProcess;
  /** Resident and peak resident memory of the host process, in bytes (Linux). */
  memory(): { rss: number; peakRss: number } | undefined;
  /** User and system CPU time the host process has used so far, in milliseconds (Linux). */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

/**
 * The built CLI (`refunds serve`), as an operator runs it: a config file naming one account at the canned
 * endpoint, secrets in the environment, SQLite in `./data` of `directory` unless `databaseUrl` is set.
 */
export async function startCliHost(options: {
  provider: BenchProvider;
  endpointUrl: string;
  directory: string;
  databaseUrl?: string;
  /** Default 1 s, the CLI's own default. */
  reconcileIntervalMs?: number;
  /** Extra node flags, e.g. `--cpu-prof` to see where a host's time goes. */
  nodeFlags?: readonly string[];
}): Promise<CliHost> {
  const { provider } = options;
  const account = `${provider.name}:bench`;
  const settings: Record<string, unknown> = {};
  const secrets: Record<string, { env: string }> = {};
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(provider.settings(options.endpointUrl))) {
    if (provider.secretSettings.includes(key)) {
      const variable = `BENCH_${provider.name.toUpperCase()}_${key.toUpperCase()}`;
      secrets[key] = { env: variable };
      environment[variable] = String(value);
    } else {
      settings[key] = value;
    }
  }
  const configPath = join(options.directory, `refunds.config.${randomBytes(4).toString('hex')}.json`);
  writeFileSync(
    configPath,
    JSON.stringify({
      accounts: { [account]: { package: provider.packageName, settings, secrets } },
      routes: [],
    }),
  );
  const apiKeys = Array.from(
    { length: 64 },
    (_, index) => `sk_bench_${index}_${randomBytes(8).toString('hex')}`,
  );
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), hostCli, 'serve', '--config', configPath, '--port', String(port)],
    {
      cwd: options.directory,
      env: {
        ...process.env,
        ...environment,
        REFUNDS_API_KEYS: apiKeys.join(','),
        // Info would log every request; what is measured is the service, with warnings still shown.
        LOG_LEVEL: 'warn',
        DATABASE_URL: options.databaseUrl ?? '',
        ...(options.reconcileIntervalMs
          ? { REFUNDS_RECONCILE_INTERVAL_MS: String(options.reconcileIntervalMs) }
          : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the host exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the host did not start within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    account,
    apiKeys,
    process: child,
    memory() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kilobytes = (field: string) =>
          Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
        return { rss: kilobytes('VmRSS') * 1024, peakRss: kilobytes('VmHWM') * 1024 };
      } catch {
        return undefined;
      }
    },
    cpuMs: () => processCpuMs(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
