import type { Host } from '../create-host';
import type { CliCommand } from './cli-command';
import { cliInvocation } from './cli-invocation';
import { readPositiveInteger } from './read-positive-integer';
import { readServeSettings, type ServeSettings } from './read-serve-settings';

export interface ServeOptions {
  configPath?: string;
  /** Sandbox mode: simulated providers, its own key and ledger. Only when asked. */
  sandbox?: boolean;
  /** Sandbox mode's data folder (ledger and key); default `./data/sandbox`. */
  dataDirectory?: string;
  port?: number;
  hostname?: string;
}

/** `refunds serve`, as the CLI parses and explains it. */
export const serveCommand: CliCommand = {
  name: 'serve',
  synopsis: [
    'serve [--config <file>] [--port <n>] [--host <address>]',
    'serve --sandbox [--data <dir>] [--port <n>] [--host <address>]',
  ],
  summary:
    'Run the host with the accounts of --config, else of refunds.config.json|.ts|.js|.mjs here; without ' +
    'either it stops and says where it looked. With --sandbox: every installed provider simulated ' +
    'in-process, demo orders seeded and a refund command printed for each; its own API key (created once, ' +
    'kept in <dir>/api-key) and SQLite ledger (<dir>/ledger.sqlite). REFUNDS_API_KEYS and DATABASE_URL are ' +
    'ignored in sandbox mode.',
  options: {
    config: { type: 'string', value: '<file>', description: 'the config file (accounts, routes, API keys)' },
    sandbox: { type: 'boolean', description: 'sandbox mode: simulated providers, demo orders; no config' },
    data: {
      type: 'string',
      value: '<dir>',
      description: "sandbox mode's data folder (default ./data/sandbox)",
    },
    port: { type: 'string', value: '<n>', description: 'the port to listen on (default PORT, else 3000)' },
    host: { type: 'string', value: '<address>', description: 'the address to listen on (default 127.0.0.1)' },
  },
  examples: [
    'refunds serve --sandbox',
    'refunds serve --config refunds.config.json --port 3000 --host 0.0.0.0',
  ],
  environment: [
    'REFUNDS_API_KEYS',
    'DATABASE_URL',
    'PORT',
    'REFUNDS_METRICS_PUBLIC',
    'LOG_LEVEL',
    'REFUNDS_LEASE_MS',
    'REFUNDS_RECONCILE_INTERVAL_MS',
  ],
  async run({ values }) {
    const port = readPositiveInteger('--port', values.port as string | undefined, {
      maximum: 65_535,
      unit: 'a TCP port',
    });
    await serve({
      sandbox: values.sandbox === true,
      ...(values.config === undefined ? {} : { configPath: values.config as string }),
      ...(values.data === undefined ? {} : { dataDirectory: values.data as string }),
      ...(port === undefined ? {} : { port }),
      ...(values.host === undefined ? {} : { hostname: values.host as string }),
    });
    return undefined;
  },
};

/** `refunds serve`: the configured host, or sandbox mode with `--sandbox`. Never sandbox mode by accident. */
export async function serve(options: ServeOptions): Promise<void> {
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

  // Loaded only here: the client commands start faster without the host's modules.
  const started = options.sandbox
    ? await (await import('./start-sandbox-mode')).startSandboxMode({
        hostname,
        settings,
        environment: process.env,
        write,
        cli: cliInvocation({
          environment: process.env,
          script: process.argv[1] ?? '',
          execArgv: process.execArgv,
          cwd: process.cwd(),
        }),
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
  const { defaultConfigCandidates, findDefaultConfig, loadConfig } = await import('../config/load-config');
  const { createHost } = await import('../create-host');
  const cwd = process.cwd();
  const configPath = options.configPath ?? findDefaultConfig(cwd);
  if (configPath === undefined) throw new Error(describeMissingConfig(defaultConfigCandidates(cwd)));
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
    ...(settings.metricsPublic ? { metricsPublic: true } : {}),
  });
  await host.listen({ port: options.port ?? settings.port ?? 3000, hostname });
  return { host, close: () => host.close() };
}

/** Where the host looked and both ways forward; sandbox mode is never started in place of a missing config. */
export function describeMissingConfig(candidates: readonly string[]): string {
  return [
    'No refunds config file found. Looked for:',
    ...candidates.map((path) => `  ${path}`),
    'Write one of these or pass --config <file> to run your accounts, or run `refunds serve --sandbox` to ',
    'start sandbox mode (every installed provider simulated in this process, its own API key and ledger).',
  ].join('\n');
}
