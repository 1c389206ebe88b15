import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RefundCapabilities, RunningSandbox, SandboxFault } from '@refunds/core';
import fc from 'fast-check';
import { type SandboxAccounts, startSandboxAccounts } from '../../src/plugins/start-sandbox-accounts';
import { type SpawnedHost, spawnHost } from '../support/spawn-host';
import { startPostgres } from '../support/start-postgres';
import { freePort } from '../support/start-sandbox-host';
import { checkLedgerAgainstSandboxes } from './check-ledger-against-sandboxes';
import { describeBadAnswer, type HostileTarget, hostileRequest, toRequest } from './hostile-requests';
import { type MemorySample, type MemoryTrend, memoryTrend, residentSetSize } from './memory-trend';
import { startRefundStream } from './refund-stream';
import { runAuditCli } from './run-audit-cli';
import { callHost, runCrashLoop } from './run-crash-loop';
import { signsResponses } from './signs-responses';
import { waitForRestingLedger } from './wait-for-resting-ledger';

export type SoakBackend = 'sqlite' | 'postgres';

export interface SoakOptions {
  /** Minutes of mixed traffic on each backend. */
  minutes: number;
  backends: readonly SoakBackend[];
  /** Share of refunds that get a fault injected into their provider's next request. Default 0.05. */
  faultRate?: number;
  /** SIGKILLs survived on each backend once the traffic phase is over. */
  crashes: number;
  /** Most RSS growth allowed between the first and the last minute, as a fraction. */
  memoryGrowthLimit: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  backend: SoakBackend;
  refundsSent: number;
  acknowledged: number;
  executed: number;
  byState: Record<string, number>;
  requests: Record<string, number>;
  faults: Record<string, number>;
  faultsInjected: number;
  hostileRequests: number;
  crashesSurvived: number;
  audit: { exitCode: number; audited: number; differences: number; open: number; needsAttention: number };
  memory: MemoryTrend | undefined;
  problems: string[];
}

const apiKey = 'sk_test_soak_f41c9a7d2e5b8c';

/** The soak on each backend in turn (sequentially, so that memory figures are not shared between them). */
export async function runSoak(options: SoakOptions): Promise<SoakResult[]> {
  const results: SoakResult[] = [];
  for (const backend of options.backends) results.push(await soakOn(backend, options));
  return results;
}

async function soakOn(backend: SoakBackend, options: SoakOptions): Promise<SoakResult> {
  const log = (line: string) => options.log?.(`[${backend}] ${line}`);
  const directory = mkdtempSync(join(tmpdir(), `refunds-soak-${backend}-`));
  const postgres = backend === 'postgres' ? await startPostgres() : undefined;
  const port = await freePort();
  let sandboxAccounts: SandboxAccounts | undefined;
  let host: SpawnedHost | undefined;
  try {
    sandboxAccounts = await startSandboxAccounts({
      notificationUrl: (account) =>
        `http://127.0.0.1:${port}/v1/notifications/${encodeURIComponent(account)}`,
      settleAfterMs: 500,
    });
    const configPath = join(directory, 'refunds.config.json');
    writeFileSync(configPath, JSON.stringify(sandboxAccounts.config));
    const environment = {
      ...sandboxAccounts.environment,
      REFUNDS_API_KEYS: apiKey,
      REFUNDS_LEASE_MS: '6000',
      REFUNDS_RECONCILE_INTERVAL_MS: '200',
      LOG_LEVEL: 'error',
      DATABASE_URL: postgres?.url ?? '',
    };
    host = await spawnHost({ port, configPath, cwd: directory, environment });
    const result = await trafficPhase(backend, host, sandboxAccounts, options, log);

    // Crashes after the measured phase: every restart would reset the memory curve.
    await host.kill('SIGTERM');
    host = undefined;
    if (options.crashes > 0) {
      log(`crash phase: ${options.crashes} SIGKILLs`);
      const crashes = await runCrashLoop({
        kills: options.crashes,
        uptimeMs: [300, 2_000],
        directory,
        ...(postgres ? { databaseUrl: postgres.url } : {}),
        sandboxAccounts,
        port,
        apiKey,
        settleTimeoutMs: 180_000,
        // Status checks that timed out while the ledger was large back off for minutes; ask again instead.
        syncAfterMs: 60_000,
      });
      host = crashes.host;
      result.crashesSurvived = crashes.kills;
      result.refundsSent += crashes.sent.length;
      result.acknowledged += crashes.check.acknowledged;
      result.executed += crashes.check.executed;
      for (const [state, count] of Object.entries(crashes.check.byState))
        result.byState[state] = (result.byState[state] ?? 0) + count;
      result.problems.push(...crashes.check.problems.map((problem) => `crash phase: ${problem}`));
      if (Object.keys(crashes.moving).length > 0)
        result.problems.push(`crash phase: still moving ${JSON.stringify(crashes.moving)}`);
    }

    log('audit: refunds audit, ledger against every provider');
    const audit = await runAuditCli({
      cwd: directory,
      configPath,
      environment,
      ...(postgres ? { database: postgres.url } : {}),
    });
    const summary = audit.report?.summary as Record<string, number> | undefined;
    result.audit = {
      exitCode: audit.exitCode,
      audited: summary?.audited ?? 0,
      differences: summary?.differences ?? -1,
      open: summary?.open ?? -1,
      needsAttention: summary?.needsAttention ?? 0,
    };
    if (audit.exitCode !== 0 || result.audit.differences !== 0 || result.audit.open !== 0) {
      result.problems.push(`audit: exit ${audit.exitCode}, ${audit.output.slice(0, 4_000)}`);
    }
    return result;
  } finally {
    await host?.kill('SIGKILL');
    await sandboxAccounts?.close();
    await postgres?.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

async function trafficPhase(
  backend: SoakBackend,
  host: SpawnedHost,
  sandboxAccounts: SandboxAccounts,
  options: SoakOptions,
  log: (line: string) => void,
): Promise<SoakResult> {
  const call = (method: string, path: string) => callHost(host.url, apiKey, method, path);
  const listed = (await call('GET', '/v1/accounts')).body as {
    accounts: { id: string; capabilities: RefundCapabilities }[];
  };
  const capabilities = new Map(listed.accounts.map((account) => [account.id, account.capabilities]));
  const faultsFor = new Map<string, SandboxFault[]>();
  for (const [account, sandbox] of sandboxAccounts.sandboxes) {
    faultsFor.set(account, [
      { kind: 'reset-before-commit' },
      { kind: 'reset-after-commit' },
      { kind: 'status', status: 503, body: 'unavailable' },
      { kind: 'status', status: 500 },
      // Longer than the host lets a provider call run (the lease less 5 s, at least 1 s).
      { kind: 'latency', ms: 1_500 },
      { kind: 'malformed-body' },
      ...((await signsResponses(sandbox))
        ? ([{ kind: 'unsigned-body' }, { kind: 'tampered-signature' }] as const)
        : []),
    ]);
  }
  const result: SoakResult = {
    backend,
    refundsSent: 0,
    acknowledged: 0,
    executed: 0,
    byState: {},
    requests: {},
    faults: {},
    faultsInjected: 0,
    hostileRequests: 0,
    crashesSurvived: 0,
    audit: { exitCode: -1, audited: 0, differences: -1, open: -1, needsAttention: 0 },
    memory: undefined,
    problems: [],
  };
  const count = (kind: string) => {
    result.requests[kind] = (result.requests[kind] ?? 0) + 1;
  };
  const target: HostileTarget = {
    routes: [
      { method: 'POST', path: '/v1/refunds' },
      { method: 'GET', path: '/v1/refunds' },
      { method: 'GET', path: '/v1/refunds/:refundId' },
      { method: 'GET', path: '/v1/refunds/:refundId/events' },
      { method: 'POST', path: '/v1/refunds/:refundId/sync' },
      { method: 'POST', path: '/v1/notifications/:account' },
      { method: 'GET', path: '/v1/accounts' },
      { method: 'GET', path: '/openapi.json' },
    ],
    apiKey,
    accounts: [...sandboxAccounts.sandboxes.keys()],
    demoOrders: sandboxAccounts.demoOrders,
  };
  const hostile = hostileRequest(target);
  const check = async (kind: string, method: string, path: string, init: RequestInit = {}) => {
    count(kind);
    try {
      const response = await fetch(`${host.url}${path}`, {
        method,
        ...init,
        headers: { authorization: `Bearer ${apiKey}`, ...(init.headers as Record<string, string>) },
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      if (response.status === 429) return;
      const problem = describeBadAnswer(response.status, text, method === 'POST' && path === '/v1/refunds');
      if (problem) result.problems.push(`${kind} ${method} ${path}: ${problem}`);
    } catch (error) {
      result.problems.push(`${kind} ${method} ${path}: no answer (${String(error)})`);
    }
  };
  const mixed = async (refundId: string, body: unknown) => {
    const roll = Math.random();
    const path = `/v1/refunds/${encodeURIComponent(refundId)}`;
    const json = { 'content-type': 'application/json' };
    if (roll < 0.25)
      await check('replay', 'POST', '/v1/refunds', { headers: json, body: JSON.stringify(body) });
    else if (roll < 0.5) await check('status', 'GET', path);
    else if (roll < 0.6) await check('list', 'GET', '/v1/refunds?limit=20');
    else if (roll < 0.65) await check('sync', 'POST', `${path}/sync`);
    else if (roll < 0.7) await check('events', 'GET', `${path}/events`);
    else if (roll < 0.72) await check('metrics', 'GET', '/metrics');
    else if (roll < 0.87) {
      result.hostileRequests++;
      const [sample] = fc.sample(hostile, 1);
      if (!sample) return;
      const request = toRequest(sample);
      count('hostile');
      try {
        const response = await fetch(`${host.url}${request.path}`, {
          ...request.init,
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        const creating = request.init.method === 'POST' && request.path === '/v1/refunds';
        const problem = describeBadAnswer(response.status, text, creating && response.ok);
        if (problem) result.problems.push(`hostile ${request.init.method} ${request.path}: ${problem}`);
      } catch (error) {
        result.problems.push(`hostile ${request.init.method} ${request.path}: no answer (${String(error)})`);
      }
    }
  };

  const memory: MemorySample[] = [];
  const started = Date.now();
  const pid = host.process.pid;
  const sampler = setInterval(() => {
    const rssBytes = pid === undefined ? undefined : residentSetSize(pid);
    if (rssBytes !== undefined) memory.push({ atMs: Date.now() - started, rssBytes });
  }, 2_000);
  const faultRate = options.faultRate ?? 0.05;
  const stream = startRefundStream({
    url: () => host.url,
    apiKey,
    sandboxes: sandboxAccounts.sandboxes,
    demoOrders: sandboxAccounts.demoOrders,
    pauseMs: 50,
    beforeEach(account) {
      if (Math.random() >= faultRate) return;
      const faults = faultsFor.get(account) ?? [];
      const fault = faults[Math.floor(Math.random() * faults.length)];
      if (!fault) return;
      const sandbox = sandboxAccounts.sandboxes.get(account) as RunningSandbox;
      sandbox.injectFault({ fault, path: sandbox.refundPath, times: 1 });
      result.faultsInjected++;
      const name = fault.kind === 'status' ? `status ${fault.status}` : fault.kind;
      result.faults[name] = (result.faults[name] ?? 0) + 1;
    },
    afterEach: (refund, body) => mixed(refund.refundId, body),
  });
  const durationMs = options.minutes * 60_000;
  const progress = setInterval(() => {
    const rss = memory.at(-1)?.rssBytes;
    log(
      `${Math.round((Date.now() - started) / 1000)} s: ${stream.sent.length} refunds, ` +
        `${result.faultsInjected} faults, ${result.hostileRequests} hostile requests, ` +
        `rss ${rss === undefined ? '?' : Math.round(rss / 1024 / 1024)} MiB`,
    );
  }, 30_000);
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  clearInterval(progress);
  await stream.stop();
  clearInterval(sampler);
  result.memory = memoryTrend(memory);
  for (const sandbox of sandboxAccounts.sandboxes.values()) sandbox.clearFaults();

  log(`traffic over: ${stream.sent.length} refunds; letting the reconciler finish`);
  const moving = await waitForRestingLedger({
    call,
    sandboxes: sandboxAccounts.sandboxes,
    timeoutMs: 180_000,
    syncAfterMs: 60_000,
  });
  if (Object.keys(moving).length > 0) result.problems.push(`still moving: ${JSON.stringify(moving)}`);
  const ledger = await checkLedgerAgainstSandboxes({
    call,
    sent: stream.sent,
    sandboxes: sandboxAccounts.sandboxes,
    capabilities,
  });
  result.refundsSent = stream.sent.length;
  result.acknowledged = ledger.acknowledged;
  result.executed = ledger.executed;
  result.byState = { ...ledger.byState };
  result.problems.push(...ledger.problems);
  for (const answer of stream.unexpected)
    result.problems.push(`refund ${answer.refundId}: the host answered ${answer.status}: ${answer.body}`);
  const limit = options.memoryGrowthLimit;
  if (result.memory && result.memory.growth > limit) {
    result.problems.push(
      `memory grew ${(result.memory.growth * 100).toFixed(1)}% (${result.memory.firstMedianMb.toFixed(0)} to ` +
        `${result.memory.lastMedianMb.toFixed(0)} MiB), more than ${(limit * 100).toFixed(0)}%`,
    );
  }
  return result;
}
