import { existsSync } from 'node:fs';
import type { CliCommand } from './cli-command';

export interface AuditCommandOptions {
  configPath?: string;
  /** A postgres:// URL or a SQLite file; default DATABASE_URL, then serve's ./data/refunds.sqlite. */
  database?: string;
  since?: string;
  until?: string;
  account?: string;
}

/** `refunds audit`, as the CLI parses and explains it. */
export const auditCommand: CliCommand = {
  name: 'audit',
  synopsis: [
    'audit [--config <file>] [--database <postgres-url|sqlite-file>] [--since <date>] [--until <date>]',
    '      [--account <id>]',
  ],
  summary:
    "Compare every refund in the ledger (or those created in the window) with the provider's own record " +
    '(getRefund) and print the differences as JSON; exit 1 when there is any, or when a provider could not ' +
    'be asked about a refund. Reads the same config and secrets as serve; the ledger is --database, else ' +
    'DATABASE_URL, else ./data/refunds.sqlite.',
  options: {
    config: { type: 'string', value: '<file>', description: "serve's config file (default: found here)" },
    database: {
      type: 'string',
      value: '<postgres-url|sqlite-file>',
      description: 'the ledger (default DATABASE_URL, else ./data/refunds.sqlite)',
    },
    since: {
      type: 'string',
      value: '<date>',
      description: 'only refunds created at or after, e.g. 2025-01-01',
    },
    until: { type: 'string', value: '<date>', description: 'only refunds created before' },
    account: { type: 'string', value: '<id>', description: 'only this account' },
  },
  examples: [
    'refunds audit --config refunds.config.json',
    'refunds audit --database postgres://refunds@db/refunds --since 2025-01-01T00:00:00Z --account gatepay:main',
  ],
  environment: ['DATABASE_URL'],
  run: ({ values }) =>
    runAudit({
      configPath: values.config as string | undefined,
      database: values.database as string | undefined,
      since: values.since as string | undefined,
      until: values.until as string | undefined,
      account: values.account as string | undefined,
    }),
};

/**
 * `refunds audit`: the ledger against each provider's own records, as JSON on stdout. Exits 1 when anything
 * disagrees or any provider could not be asked about a refund, open ones included, so it can gate a deploy or
 * page someone from a cron job.
 */
export async function runAudit(options: AuditCommandOptions): Promise<number> {
  // Loaded only here: the client commands start faster without the ledger and the plugins.
  const { findDefaultConfig, loadConfig } = await import('../config/load-config');
  const { createLedger, defaultSqlitePath } = await import('../ledger/create-ledger');
  const { loadAccounts } = await import('../plugins/load-accounts');
  const { auditNeedsLook, auditRefunds, openUnasked } = await import('./audit-refunds');
  const configPath = options.configPath ?? findDefaultConfig(process.cwd());
  if (!configPath) {
    throw new Error(
      'audit reads the same config file as serve (refunds.config.json|.ts|.js here, or --config <file>), ' +
        'with its secrets in the environment; sandbox mode has no lasting accounts to audit.',
    );
  }
  const since = parseDate(options.since, '--since');
  const until = parseDate(options.until, '--until');
  const database = options.database ?? process.env.DATABASE_URL ?? '';
  const isPostgres = /^postgres(?:ql)?:\/\//i.test(database);
  const sqlitePath = isPostgres ? undefined : database || defaultSqlitePath;
  // createLedger would create an empty file and report that all is well.
  if (sqlitePath !== undefined && !existsSync(sqlitePath)) {
    throw new Error(`No SQLite ledger at ${sqlitePath}; pass --database <file|postgres://...>.`);
  }

  const accounts = await loadAccounts(await loadConfig(configPath));
  const ledger = await createLedger(isPostgres ? { databaseUrl: database } : { sqlitePath });
  try {
    const report = await auditRefunds({
      ledger,
      accounts,
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(options.account ? { account: options.account } : {}),
    });
    const summary = {
      audited: report.audited,
      matched: report.matched,
      differences: report.differences.length,
      needsAttention: report.attention.length,
      open: report.open.length,
      openUnasked: openUnasked(report).length,
      window: { since: since?.toISOString() ?? null, until: until?.toISOString() ?? null },
    };
    process.stdout.write(`${JSON.stringify({ summary, ...report }, null, 2)}\n`);
    return auditNeedsLook(report) ? 1 : 0;
  } finally {
    await ledger.close();
  }
}

function parseDate(text: string | undefined, option: string): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`${option} must be a date such as 2025-01-31T00:00:00Z`);
  return date;
}
