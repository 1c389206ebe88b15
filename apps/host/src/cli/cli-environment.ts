/** Every environment variable the CLI reads, described once; each command's help lists the ones it reads. */
export const cliEnvironment: Readonly<Record<string, string>> = {
  REFUNDS_URL: 'the host the client commands call (default http://127.0.0.1:3000)',
  REFUNDS_API_KEY: 'the key the client commands send',
  DATABASE_URL:
    'PostgreSQL ledger (postgres://...); default: SQLite in ./data/refunds.sqlite (ignored by --sandbox)',
  REFUNDS_API_KEYS:
    'comma-separated API keys the host accepts (serve, not --sandbox): each may do everything, is named ' +
    'key-1, key-2, ... in events, and has at least 24 characters; keys with roles (viewer, service, ' +
    'operator) are named under "apiKeys" in the config',
  PORT: 'the port serve listens on (3000; --port wins)',
  REFUNDS_METRICS_PUBLIC: 'true: /metrics answers without an API key (default: it needs one, any role)',
  LOG_LEVEL: 'pino level (default info)',
  REFUNDS_LEASE_MS: 'how long a provider call may hold a refund before other instances reconcile it (60000)',
  REFUNDS_RECONCILE_INTERVAL_MS: 'how often the reconciler looks for due refunds (1000)',
};

/** The variables client commands (those that call a running host) read. */
export const clientEnvironment = ['REFUNDS_URL', 'REFUNDS_API_KEY'] as const;
