import { createServer } from 'node:http';
import type { RefundRequest } from '@refunds/core';
import { createBenchProvider } from './bench-providers';
import { listenOnLoopback } from './listen-on-loopback';
import { type FloorRows, openFloorLedger } from './open-floor-ledger';
import type { ProviderName } from './workspace-paths';

/**
 * The floor of the host comparison (issue 19): the least a service that refunds durably can do between
 * the load driver and the provider. An HTTP server (node:http, no framework), the same provider client as the
 * direct side, the refund recorded and flushed before the call and its outcome flushed after it, on the same
 * kind of ledger as the host, and the same status check after an accepted refund. No authentication,
 * validation, telemetry or webhook outbox. With `rows: 'one'` each write is one row in a table with a primary
 * key and nothing else. With `rows: 'design'` each write holds the rows the host's design requires
 * (open-floor-ledger.ts). With one refund in flight, where nothing can share a write, what either reaches against
 * the direct client no host that keeps such a ledger can beat; with many, a host that batches its writes across
 * refunds (group commit) can.
 */
const options = JSON.parse(process.argv[2] ?? '{}') as {
  provider: ProviderName;
  credentials: Record<string, string>;
  endpointUrl: string;
  statusCheckAfterMs: number;
  rows: FloorRows;
  sqlitePath?: string;
  postgresUrl?: string;
};
const provider = createBenchProvider(options.provider, options.credentials).create(options.endpointUrl);

const ledger = await openFloorLedger({
  rows: options.rows,
  sqlitePath: options.sqlitePath ?? 'floor.sqlite',
  ...(options.postgresUrl ? { postgresUrl: options.postgresUrl } : {}),
});
let pendingChecks = 0;
// A failed status check leaves its refund unsettled: the round must say so, not count it as done.
const failedChecks: string[] = [];

async function checkLater(request: RefundRequest, providerRefundId: string | undefined): Promise<void> {
  pendingChecks += 1;
  try {
    await new Promise((resolve) => setTimeout(resolve, options.statusCheckAfterMs));
    const { refundId, orderId } = request;
    const result = await provider.getRefund({ refundId, orderId, providerRefundId });
    await ledger.settle(refundId, 'pending', result.status);
  } finally {
    pendingChecks -= 1;
  }
}

async function refund(body: Buffer): Promise<string> {
  const { account: _account, ...request } = JSON.parse(body.toString()) as RefundRequest & {
    account: string;
  };
  await ledger.record(request);
  const result = await provider.refund(request);
  await ledger.settle(request.refundId, 'sending', result.status);
  if (result.status === 'pending') {
    checkLater(request, result.providerRefundId).catch((error: unknown) => {
      failedChecks.push(String(error));
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
    response.end(
      JSON.stringify({ pending: pendingChecks, failed: failedChecks.length, first: failedChecks[0] }),
    );
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
