import { createServer } from 'node:http';
import type { RefundRequest } from '@refunds/core';
import { createBenchProvider } from './bench-providers';
import { listenOnLoopback } from './listen-on-loopback';
import { type ProviderName, requireDependency } from './workspace-paths';

/**
 * The floor of the host comparison (issue 19): the least a service that refunds durably can do between
 * the load driver and the provider. An HTTP server (node:http, no framework), the same provider client as the
 * direct side, the refund recorded and flushed before the call and its outcome flushed after it, on the same
 * kind of ledger as the host but in a table with a primary key and nothing else, and the same status check
 * after an accepted refund. No authentication, validation, order lock, event, count or webhook outbox: what
 * it reaches against the direct client, no host that keeps a ledger can beat with one refund in flight.
 */
const options = JSON.parse(process.argv[2] ?? '{}') as {
  provider: ProviderName;
  credentials: Record<string, string>;
  endpointUrl: string;
  statusCheckAfterMs: number;
  sqlitePath?: string;
  postgresUrl?: string;
};
const provider = createBenchProvider(options.provider, options.credentials).create(options.endpointUrl);

type Write = (statement: 'record' | 'outcome', values: string[]) => Promise<void>;

const tableDefinition =
  'create table if not exists floor_refunds (refund_id text primary key, request text not null, state text not null)';
const statements = {
  record: 'insert into floor_refunds (refund_id, request, state) values ($1, $2, $3)',
  outcome: 'update floor_refunds set state = $2 where refund_id = $1',
};

async function openPostgres(url: string): Promise<Write> {
  const { Pool } = requireDependency('pg') as {
    Pool: new (options: {
      connectionString: string;
      keepAlive: boolean;
    }) => {
      query(query: string | { name: string; text: string; values: unknown[] }): Promise<unknown>;
    };
  };
  const pool = new Pool({ connectionString: url, keepAlive: true });
  await pool.query(tableDefinition);
  // Each its own commit, as the host's two writes are; prepared once per connection, as the host's are.
  return async (statement, values) => {
    await pool.query({ name: statement, text: statements[statement], values });
  };
}

function openSqlite(path: string): Write {
  const Sqlite = requireDependency('better-sqlite3') as new (
    path: string,
  ) => {
    pragma(source: string): unknown;
    exec(source: string): void;
    prepare(source: string): { run(...values: unknown[]): unknown };
  };
  const database = new Sqlite(path);
  // The host's settings: every commit flushed.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.exec(tableDefinition);
  const prepared = {
    record: database.prepare(statements.record.replaceAll(/\$\d/g, '?')),
    outcome: database.prepare(statements.outcome.replaceAll(/\$\d/g, '?')),
  };
  return async (statement, values) => {
    prepared[statement].run(...values);
  };
}

const write = options.postgresUrl
  ? await openPostgres(options.postgresUrl)
  : openSqlite(options.sqlitePath ?? 'floor.sqlite');
let pendingChecks = 0;

async function checkLater(request: RefundRequest, providerRefundId: string | undefined): Promise<void> {
  pendingChecks += 1;
  try {
    await new Promise((resolve) => setTimeout(resolve, options.statusCheckAfterMs));
    const { refundId, orderId } = request;
    const result = await provider.getRefund({ refundId, orderId, providerRefundId });
    await write('outcome', [refundId, result.status]);
  } finally {
    pendingChecks -= 1;
  }
}

async function refund(body: Buffer): Promise<string> {
  const { account: _account, ...request } = JSON.parse(body.toString()) as RefundRequest & {
    account: string;
  };
  await write('record', [request.refundId, JSON.stringify(request), 'sending']);
  const result = await provider.refund(request);
  await write('outcome', [request.refundId, result.status]);
  if (result.status === 'pending') {
    checkLater(request, result.providerRefundId).catch((error: unknown) => {
      process.stderr.write(`status check failed: ${String(error)}\n`);
    });
  }
  return JSON.stringify({ refundId: request.refundId, state: result.status });
}

const server = createServer((request, response) => {
  // The load driver opens its connections with it before a round (drive-host.ts).
  if (request.method === 'GET' && request.url === '/healthz') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"status":"ok"}');
    return;
  }
  if (request.method === 'GET' && request.url === '/pending') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ pending: pendingChecks }));
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    refund(Buffer.concat(chunks)).then(
      (answer) => {
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(answer);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      },
    );
  });
});
listenOnLoopback(server);
