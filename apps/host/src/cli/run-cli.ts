import { parseArgs } from 'node:util';
import { attentionCommand } from './attention-command';
import { auditCommand } from './audit-command';
import { type CliIo, callHost, processIo } from './call-host';
import { eventsCommand } from './events-command';
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
         [--reason <text>] [--address <address>] [--network <network>] [--account-id <id>]
         [--provider-option <key>=<value> ...]
        Refund a payment. --address/--network (crypto payouts) and --account-id form the destination;
        --provider-option sets one providerOptions entry (a JSON value, else text), e.g. endpoint=address.
  status <refundId>
  sync <refundId>
  events <refundId> [--json]
        The refund's history, one event a line: when, what, who (the API key's name) and the evidence.
  attention [--account <id>] [--limit <n>] [--json]
        The refunds in needs_attention, the longest-waiting first, with their age and the last evidence.
  resolve <refundId> --state succeeded|failed --reason <text> [--provider-refund-id <id>]
        Decide a refund in needs_attention with what you established with the provider (operator key).
  resend <refundId> --reason <text>
        Send a refund in needs_attention again under its id: only if the provider shows no such refund;
        otherwise nothing is sent and what the provider shows is printed and recorded (operator key).
  accounts
  audit [--config <file>] [--database <postgres-url|sqlite-file>] [--since <date>] [--until <date>]
        [--account <id>]
        Compare every refund in the ledger (or those created in the window) with the provider's own record
        (getRefund) and print the differences as JSON; exit 1 when there is any. Reads the same config and
        secrets as serve; the ledger is --database, else DATABASE_URL, else ./data/refunds.sqlite.

Environment:
  DATABASE_URL       PostgreSQL ledger (postgres://...); default: SQLite in ./data/refunds.sqlite (not --sandbox)
  REFUNDS_API_KEYS   comma-separated API keys the host accepts (serve, not --sandbox): each may do everything,
                     is named key-1, key-2, ... in events, and has at least 24 characters; keys with
                     roles (viewer, service, operator) are named under "apiKeys" in the config
  REFUNDS_URL        the host the client commands call (default http://127.0.0.1:3000)
  REFUNDS_API_KEY    the key the client commands send
  PORT               the port serve listens on (3000; --port wins)
  LOG_LEVEL          pino level (default info)
  REFUNDS_LEASE_MS   how long a provider call may hold a refund before other instances reconcile it (60000)
  REFUNDS_RECONCILE_INTERVAL_MS   how often the reconciler looks for due refunds (1000)
  Numeric settings must be positive integers; serve refuses to start otherwise.
`;

/** Runs one CLI command; returns the exit code, or undefined for a command that keeps running (serve). */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number | undefined> {
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
          address: { type: 'string' },
          network: { type: 'string' },
          'account-id': { type: 'string' },
          'provider-option': { type: 'string', multiple: true },
        },
      });
      const destination = {
        ...(values.address ? { address: values.address } : {}),
        ...(values.network ? { network: values.network } : {}),
        ...(values['account-id'] ? { accountId: values['account-id'] } : {}),
      };
      const providerOptions = readProviderOptions(values['provider-option'] ?? []);
      const missing = ['refund-id', 'order-id', 'amount', 'currency'].filter(
        (name) => !values[name as keyof typeof values],
      );
      if (missing.length > 0)
        throw new Error(`refund needs ${missing.map((name) => `--${name}`).join(', ')}\n\n${usage}`);
      return callHost(
        'POST',
        '/v1/refunds',
        {
          refundId: values['refund-id'],
          orderId: values['order-id'],
          amount: { amount: values.amount, currency: values.currency },
          ...(values.account ? { account: values.account } : {}),
          ...(values.reason ? { reason: values.reason } : {}),
          ...(Object.keys(destination).length > 0 ? { destination } : {}),
          ...(providerOptions ? { providerOptions } : {}),
        },
        io,
      );
    }
    case 'status':
    case 'sync': {
      const refundId = rest[0];
      if (!refundId) throw new Error(`${command} needs a refund id\n\n${usage}`);
      const path = `/v1/refunds/${encodeURIComponent(refundId)}`;
      return command === 'status'
        ? callHost('GET', path, undefined, io)
        : callHost('POST', `${path}/sync`, undefined, io);
    }
    case 'events': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { json: { type: 'boolean' } },
      });
      const refundId = positionals[0];
      if (!refundId) throw new Error(`events needs a refund id\n\n${usage}`);
      return eventsCommand(refundId, { json: values.json === true }, io);
    }
    case 'attention': {
      const { values } = parseArgs({
        args: rest,
        options: { account: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
      });
      const limit = readPositiveInteger('--limit', values.limit, { maximum: 1_000, unit: 'refunds' });
      return attentionCommand(
        {
          json: values.json === true,
          ...(values.account ? { account: values.account } : {}),
          ...(limit === undefined ? {} : { limit }),
        },
        io,
      );
    }
    case 'resolve': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          state: { type: 'string' },
          reason: { type: 'string' },
          'provider-refund-id': { type: 'string' },
        },
      });
      const refundId = positionals[0];
      if (!refundId) throw new Error(`resolve needs a refund id\n\n${usage}`);
      if (values.state !== 'succeeded' && values.state !== 'failed')
        throw new Error(`resolve needs --state succeeded or --state failed\n\n${usage}`);
      if (!values.reason?.trim())
        throw new Error(`resolve needs --reason "<why>": it is kept in the refund's history\n\n${usage}`);
      return callHost(
        'POST',
        `/v1/refunds/${encodeURIComponent(refundId)}/resolve`,
        {
          state: values.state,
          reason: values.reason,
          ...(values['provider-refund-id'] ? { providerRefundId: values['provider-refund-id'] } : {}),
        },
        io,
      );
    }
    case 'resend': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { reason: { type: 'string' } },
      });
      const refundId = positionals[0];
      if (!refundId) throw new Error(`resend needs a refund id\n\n${usage}`);
      if (!values.reason?.trim())
        throw new Error(`resend needs --reason "<why>": it is kept in the refund's history\n\n${usage}`);
      return callHost(
        'POST',
        `/v1/refunds/${encodeURIComponent(refundId)}/resend`,
        { reason: values.reason },
        io,
      );
    }
    case 'accounts':
      return callHost('GET', '/v1/accounts', undefined, io);
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
      io.write(usage);
      return 0;
    default:
      throw new Error(`Unknown command "${command}".\n\n${usage}`);
  }
}

/** `--provider-option key=value`, repeatable: the value as JSON when it is JSON (a number, true), else text. */
function readProviderOptions(entries: readonly string[]): Record<string, unknown> | undefined {
  if (entries.length === 0) return undefined;
  const options: Record<string, unknown> = {};
  for (const entry of entries) {
    const split = entry.indexOf('=');
    if (split <= 0) throw new Error(`--provider-option takes key=value, got "${entry}"`);
    const text = entry.slice(split + 1);
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {}
    options[entry.slice(0, split)] = value;
  }
  return options;
}
