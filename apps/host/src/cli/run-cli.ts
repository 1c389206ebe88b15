import { parseArgs } from 'node:util';
import { auditCommand } from './audit-command';
import { callHost } from './call-host';
import { readPositiveInteger } from './read-positive-integer';
import { serveCommand } from './serve-command';

const usage = `Usage: refunds <command> [options]

Commands:
  serve [--config <file>] [--port <n>] [--host <address>]
        Run the host with the accounts of --config, else of refunds.config.json|.ts|.js|.mjs here; without
        either it stops and says where it looked.
  serve --sandbox [--data <dir>] [--port <n>] [--host <address>]
        Sandbox mode: every installed provider simulated in-process, demo orders seeded. Its own API key
        (created once, printed, kept in <dir>/api-key) and SQLite ledger (<dir>/ledger.sqlite); <dir> is
        ./data/sandbox by default. REFUNDS_API_KEYS and DATABASE_URL are ignored.
  refund --refund-id <id> --order-id <id> --amount <decimal> --currency <code> [--account <id>]
  status <refundId>
  sync <refundId>
  accounts
  audit [--config <file>] [--database <postgres-url|sqlite-file>] [--since <date>] [--until <date>]
        [--account <id>]
        Compare every refund in the ledger (or those created in the window) with the provider's own record
        (getRefund) and print the differences as JSON; exit 1 when there is any. Reads the same config and
        secrets as serve; the ledger is --database, else DATABASE_URL, else ./data/refunds.sqlite.

Environment:
  DATABASE_URL       PostgreSQL ledger (postgres://...); default: SQLite in ./data/refunds.sqlite (not --sandbox)
  REFUNDS_API_KEYS   comma-separated API keys the host accepts (serve, not --sandbox)
  REFUNDS_URL        the host the client commands call (default http://127.0.0.1:3000)
  REFUNDS_API_KEY    the key the client commands send
  PORT               the port serve listens on (3000; --port wins)
  LOG_LEVEL          pino level (default info)
  REFUNDS_LEASE_MS   how long a provider call may hold a refund before other instances reconcile it (60000)
  REFUNDS_RECONCILE_INTERVAL_MS   how often the reconciler looks for due refunds (1000)
  Numeric settings must be positive integers; serve refuses to start otherwise.
`;

/** Runs one CLI command; returns the exit code, or undefined for a command that keeps running (serve). */
export async function runCli(argv: readonly string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args: rest,
        options: {
          config: { type: 'string' },
          sandbox: { type: 'boolean' },
          data: { type: 'string' },
          port: { type: 'string' },
          host: { type: 'string' },
        },
      });
      const port = readPositiveInteger('--port', values.port, { maximum: 65_535, unit: 'a TCP port' });
      await serveCommand({
        sandbox: values.sandbox === true,
        ...(values.config === undefined ? {} : { configPath: values.config }),
        ...(values.data === undefined ? {} : { dataDirectory: values.data }),
        ...(port === undefined ? {} : { port }),
        ...(values.host === undefined ? {} : { hostname: values.host }),
      });
      return undefined;
    }
    case 'refund': {
      const { values } = parseArgs({
        args: rest,
        options: {
          'refund-id': { type: 'string' },
          'order-id': { type: 'string' },
          amount: { type: 'string' },
          currency: { type: 'string' },
          account: { type: 'string' },
          reason: { type: 'string' },
        },
      });
      const missing = ['refund-id', 'order-id', 'amount', 'currency'].filter(
        (name) => !values[name as keyof typeof values],
      );
      if (missing.length > 0)
        throw new Error(`refund needs ${missing.map((name) => `--${name}`).join(', ')}\n\n${usage}`);
      return callHost('POST', '/v1/refunds', {
        refundId: values['refund-id'],
        orderId: values['order-id'],
        amount: { amount: values.amount, currency: values.currency },
        ...(values.account ? { account: values.account } : {}),
        ...(values.reason ? { reason: values.reason } : {}),
      });
    }
    case 'status':
    case 'sync': {
      const refundId = rest[0];
      if (!refundId) throw new Error(`${command} needs a refund id\n\n${usage}`);
      const path = `/v1/refunds/${encodeURIComponent(refundId)}`;
      return command === 'status' ? callHost('GET', path) : callHost('POST', `${path}/sync`);
    }
    case 'accounts':
      return callHost('GET', '/v1/accounts');
    case 'audit': {
      const { values } = parseArgs({
        args: rest,
        options: {
          config: { type: 'string' },
          database: { type: 'string' },
          since: { type: 'string' },
          until: { type: 'string' },
          account: { type: 'string' },
        },
      });
      return auditCommand({
        configPath: values.config,
        database: values.database,
        since: values.since,
        until: values.until,
        account: values.account,
      });
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(usage);
      return 0;
    default:
      throw new Error(`Unknown command "${command}".\n\n${usage}`);
  }
}
