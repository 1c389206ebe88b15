import { defaultConfigCandidates, findDefaultConfig, loadConfig } from '../config/load-config';
import { createHost, type Host } from '../create-host';
import { readServeSettings, type ServeSettings } from './read-serve-settings';
import { startSandboxMode } from './start-sandbox-mode';

export interface ServeOptions {
  configPath?: string;
  /** Sandbox mode: simulated providers, its own key and ledger. Only when asked. */
  sandbox?: boolean;
  /** Sandbox mode's data folder (ledger and key); default `./data/sandbox`. */
  dataDirectory?: string;
  port?: number;
  hostname?: string;
}

/** `refunds serve`: the configured host, or sandbox mode with `--sandbox`. Never sandbox mode by accident. */
export async function serveCommand(options: ServeOptions): Promise<void> {
  if (options.sandbox && options.configPath !== undefined) {
    throw new Error(
      '--sandbox and --config cannot be used together: sandbox mode simulates every installed provider and ' +
        'ignores any config. Drop --config to try the host with simulated providers, or drop --sandbox to ' +
        'run the configured accounts.',
    );
  }
  if (!options.sandbox && options.dataDirectory !== undefined) {
    throw new Error(
      '--data names the sandbox data folder and works only with --sandbox; a configured host keeps its ' +
        'ledger in DATABASE_URL or ./data/refunds.sqlite.',
    );
  }
  // Checked before anything starts, in either mode.
  const settings = readServeSettings(process.env);
  const hostname = options.hostname ?? '127.0.0.1';
  const write = (text: string) => process.stderr.write(text);

  const started = options.sandbox
    ? await startSandboxMode({
        hostname,
        settings,
        environment: process.env,
        write,
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.dataDirectory === undefined ? {} : { dataDirectory: options.dataDirectory }),
      })
    : await startConfiguredHost(options, settings, hostname);

  const shutdown = async (signal: string) => {
    write(`\n${signal}: finishing refunds in flight...\n`);
    await started.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

async function startConfiguredHost(
  options: ServeOptions,
  settings: ServeSettings,
  hostname: string,
): Promise<{ host: Host; close(): Promise<void> }> {
  const cwd = process.cwd();
  const configPath = options.configPath ?? findDefaultConfig(cwd);
  if (configPath === undefined) throw new Error(describeMissingConfig(cwd));
  const apiKeys = (process.env.REFUNDS_API_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  const config = await loadConfig(configPath);
  if (apiKeys.length === 0 && (config.apiKeys ?? []).length === 0)
    throw new Error(
      'Set REFUNDS_API_KEYS (comma-separated) to the API keys callers may use, or name keys with roles ' +
        'under "apiKeys" in the config.',
    );
  const host = await createHost({
    config,
    databaseUrl: process.env.DATABASE_URL,
    apiKeys,
    logLevel: process.env.LOG_LEVEL,
    ...(settings.leaseMs === undefined ? {} : { leaseMs: settings.leaseMs }),
    ...(settings.reconcileIntervalMs === undefined
      ? {}
      : { reconcileIntervalMs: settings.reconcileIntervalMs }),
  });
  await host.listen({ port: options.port ?? settings.port ?? 3000, hostname });
  return { host, close: () => host.close() };
}

/** Where the host looked and both ways forward; sandbox mode is never started in place of a missing config. */
export function describeMissingConfig(cwd: string): string {
  return [
    'No refunds config file found. Looked for:',
    ...defaultConfigCandidates(cwd).map((path) => `  ${path}`),
    'Write one of these or pass --config <file> to run your accounts, or run `refunds serve --sandbox` to ',
    'start sandbox mode (every installed provider simulated in this process, its own API key and ledger).',
  ].join('\n');
}
