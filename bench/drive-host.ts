import { Agent, request } from 'node:http';
import type { RefundRequest } from '@refunds/core';
import type { LoadResult } from './direct-client-process';

export interface HostTarget {
  url: string;
  account: string;
  apiKeys: readonly string[];
}

// Shared by every run of the process: a refund id sent in an earlier round would be a replay, not a new refund.
let nextSequence = 0;

/** One request on the agent's connections; resolves with the status once the whole answer has been read. */
function send(
  agent: Agent,
  url: URL,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: options.path,
        headers:
          options.body === undefined
            ? options.headers
            : { ...options.headers, 'content-length': Buffer.byteLength(options.body) },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`no answer to ${options.method} ${options.path} within 30 s`)),
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/**
 * `POST /v1/refunds` on `concurrency` keep-alive connections for `durationMs`, each request a new refund (new id,
 * new order, so neither replay nor the per-order lock is what gets measured). API keys are used in turn.
 *
 * The connections are opened, and each used once (`GET /healthz`), before the round starts, as a client's pool
 * of keep-alive connections is: Node accepts one new connection per turn of its event loop, so when a round opened
 * its connections on a busy process, the first request on each waited for the turns before it (up to 300 ms here
 * for 32 connections), and those 32 requests of a round were its p99.
 */
export async function driveHost(
  target: HostTarget,
  options: { concurrency: number; durationMs: number; refundRequest: (sequence: number) => RefundRequest },
): Promise<LoadResult & { statuses: Record<string, number> }> {
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency, scheduling: 'fifo' });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failed = 0;
  let firstError: string | undefined;
  try {
    await Promise.all(
      Array.from({ length: options.concurrency }, () =>
        send(agent, url, { method: 'GET', path: '/healthz' }),
      ),
    );
    const started = performance.now();
    const deadline = started + options.durationMs;
    const loop = async () => {
      while (performance.now() < deadline) {
        const index = nextSequence++;
        const sent = performance.now();
        try {
          const answer = await send(agent, url, {
            method: 'POST',
            path: '/v1/refunds',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${target.apiKeys[index % target.apiKeys.length]}`,
            },
            body: JSON.stringify({ account: target.account, ...options.refundRequest(index) }),
          });
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (answer.status === 201) latencies.push(performance.now() - sent);
          else firstError ??= `${answer.status} ${answer.text.slice(0, 200)}`;
        } catch (error) {
          failed += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, loop));
    const created = statuses[201] ?? 0;
    const refused = Object.entries(statuses)
      .filter(([status]) => status !== '201')
      .reduce((sum, [, count]) => sum + count, 0);
    return {
      requests: created,
      errors: failed + refused,
      elapsedMs: performance.now() - started,
      latencies,
      statuses,
      ...(firstError ? { firstError } : {}),
    };
  } finally {
    agent.destroy();
  }
}
