import { existsSync } from 'node:fs';
import { findDefaultConfig, loadConfig } from '../config/load-config';
import { createLedger, defaultSqlitePath } from '../ledger/create-ledger';
import { loadAccounts } from '../plugins/load-accounts';
import { auditNeedsLook, auditRefunds, openUnasked } from './audit-refunds';

export interface AuditCommandOptions {
  configPath?: string;
  /** A postgres:// URL or a SQLite file; default DATABASE_URL, then serve's ./data/refunds.sqlite. */
  database?: string;
  since?: string;
  until?: string;
  account?: string;
}

/**
 * `refunds audit`: the ledger against each provider's own records, as JSON on stdout. Exits 1 when anything
 * disagrees or any provider could not be asked about a refund, open ones included, so it can gate a deploy or
 * page someone from a cron job.
 */
export async function auditCommand(options: AuditCommandOptions): Promise<number> {
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
