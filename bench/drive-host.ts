import type { RefundRequest } from '@refunds/core';
import autocannon from 'autocannon';
import type { LoadResult } from './direct-client-process';

export interface HostTarget {
  url: string;
  account: string;
  apiKeys: readonly string[];
}

/**
 * `POST /v1/refunds` at `concurrency` connections for `durationMs`, each request a new refund (new id, new order,
 * so neither replay nor the per-order lock is what gets measured). API keys are used in turn.
 */
// Shared by every run of the process: a refund id sent in an earlier round would be a replay, not a new refund.
let nextSequence = 0;

export async function driveHost(
  target: HostTarget,
  options: { concurrency: number; durationMs: number; refundRequest: (sequence: number) => RefundRequest },
): Promise<LoadResult & { statuses: Record<string, number> }> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let firstError: string | undefined;
  const instance = autocannon({
    url: target.url,
    connections: options.concurrency,
    duration: options.durationMs / 1000,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/v1/refunds',
        setupRequest: (request) => {
          const index = nextSequence++;
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${target.apiKeys[index % target.apiKeys.length]}`,
            },
            body: JSON.stringify({ account: target.account, ...options.refundRequest(index) }),
          };
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode === 201) latencies.push(responseTime);
  });
  instance.on('reqError', (error: Error) => {
    firstError ??= error.message;
  });
  const started = performance.now();
  const result = await instance;
  const created = statuses[201] ?? 0;
  const refused = Object.entries(statuses)
    .filter(([status]) => status !== '201')
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    requests: created,
    errors: result.errors + result.timeouts + refused,
    elapsedMs: performance.now() - started,
    latencies,
    statuses,
    ...(firstError ? { firstError } : {}),
  };
}
