import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RefundCapabilities } from '@refunds/core';
import type { SandboxAccounts } from '../../src/plugins/start-sandbox-accounts';
import { type SpawnedHost, spawnHost } from '../support/spawn-host';
import { checkLedgerAgainstSandboxes, type LedgerCheck } from './check-ledger-against-sandboxes';
import { type SentRefund, startRefundStream } from './refund-stream';
import { waitForRestingLedger } from './wait-for-resting-ledger';

export interface CrashLoopOptions {
  /** SIGKILLs to survive. */
  kills: number;
  /** How long each host lives before it is killed: a random moment in this range, so kills land anywhere. */
  uptimeMs: readonly [number, number];
  /** The hosts' working directory: the SQLite ledger lives in its ./data. */
  directory: string;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  sandboxAccounts: SandboxAccounts;
  /** The port the sandboxes' notification URLs point at: every restarted host takes it again. */
  port: number;
  apiKey: string;
  /** How long the reconciler may take to bring every refund to rest once the stream stops. */
  settleTimeoutMs?: number;
  /** Then asks for a status check of what still moves, as an operator would (see waitForRestingLedger). */
  syncAfterMs?: number;
  concurrency?: number;
  log?: (line: string) => void;
}

export interface CrashLoopResult {
  kills: number;
  sent: readonly SentRefund[];
  /** Refunds still sending, unknown or pending when the settle time ran out. */
  moving: Record<string, number>;
  check: LedgerCheck;
  /** The last host, still running: the caller audits with it, then kills it. */
  host: SpawnedHost;
  configPath: string;
  environment: Record<string, string>;
}

/**
 * Streams refunds across every account while a real host process is SIGKILLed at random moments and
 * restarted on the same ledger; then lets the reconciler finish and checks the ledger against every sandbox.
 */
export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopResult> {
  const { sandboxAccounts } = options;
  const configPath = join(options.directory, 'refunds.config.json');
  writeFileSync(configPath, JSON.stringify(sandboxAccounts.config));
  const environment = {
    ...sandboxAccounts.environment,
    REFUNDS_API_KEYS: options.apiKey,
    // A restarted host is a new instance and waits out the dead one's leases: short ones recover quickly.
    REFUNDS_LEASE_MS: '1500',
    REFUNDS_RECONCILE_INTERVAL_MS: '100',
    LOG_LEVEL: 'warn',
    DATABASE_URL: options.databaseUrl ?? '',
  };
  const start = () => spawnHost({ port: options.port, configPath, cwd: options.directory, environment });
  const call = (method: string, path: string) => callHost(host.url, options.apiKey, method, path);

  let host = await start();
  const stream = startRefundStream({
    url: () => host.url,
    apiKey: options.apiKey,
    sandboxes: sandboxAccounts.sandboxes,
    demoOrders: sandboxAccounts.demoOrders,
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
  });
  let kills = 0;
  try {
    try {
      for (; kills < options.kills; ) {
        const [shortest, longest] = options.uptimeMs;
        await sleep(shortest + Math.random() * (longest - shortest));
        await host.kill('SIGKILL');
        kills++;
        options.log?.(`crash ${kills}/${options.kills}: ${stream.sent.length} refunds sent so far`);
        host = await start();
      }
    } finally {
      await stream.stop();
    }

    const moving = await waitForRestingLedger({
      call,
      sandboxes: sandboxAccounts.sandboxes,
      timeoutMs: options.settleTimeoutMs ?? 60_000,
      ...(options.syncAfterMs === undefined ? {} : { syncAfterMs: options.syncAfterMs }),
    });
    const listed = (await call('GET', '/v1/accounts')).body as {
      accounts: { id: string; capabilities: RefundCapabilities }[];
    };
    const check = await checkLedgerAgainstSandboxes({
      call,
      sent: stream.sent,
      sandboxes: sandboxAccounts.sandboxes,
      capabilities: new Map(listed.accounts.map((account) => [account.id, account.capabilities])),
    });
    for (const answer of stream.unexpected) {
      check.problems.push(`${answer.refundId}: the host answered ${answer.status}: ${answer.body}`);
    }
    return { kills, sent: stream.sent, moving, check, host, configPath, environment };
  } catch (error) {
    // The caller only gets the host back on success: on failure, no process may outlive the loop.
    await host.kill('SIGKILL');
    throw error;
  }
}

/** One API call as a checker makes it: patient with the host's rate limit, which is not what is under test. */
export async function callHost(
  url: string,
  apiKey: string,
  method: string,
  path: string,
): Promise<{ status: number; body: unknown }> {
  for (;;) {
    const response = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${apiKey}` } });
    const text = await response.text();
    if (response.status === 429) {
      await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
      continue;
    }
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: response.status, body };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
