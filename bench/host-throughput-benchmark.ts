import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchProvider, createBenchCredentials, createBenchProvider } from './bench-providers';
import type { BenchmarkSection, BudgetCheck } from './benchmark-section';
import type { LoadResult } from './direct-client-process';
import { driveHost, type HostTarget } from './drive-host';
import { formatNumber, formatRatio } from './format-number';
import { markdownTable } from './markdown-table';
import { measureSqliteCommit } from './measure-sqlite-commit';
import type { FloorRows } from './open-floor-ledger';
import { median, percentile } from './percentile';
import { postgresServerCpuMs } from './postgres-server-cpu-ms';
import { startBenchPostgres } from './start-bench-postgres';
import { startCannedEndpoint } from './start-canned-endpoint';
import { type CliHost, startCliHost } from './start-cli-host';
import { type DirectClient, startDirectClient } from './start-direct-client';
import { type FloorProxy, startFloorProxy } from './start-floor-proxy';
import type { ProviderName } from './workspace-paths';

const concurrencies = [1, 8, 32] as const;
const roundMs = 2_000;
const rounds = 3;
/** Before a ledger's series, each side serves this long at this concurrency (see measureLedger). */
const warmUpMs = 6_000;
const warmUpConcurrency = 32;
// Issue 19's targets, each a ratio to the direct client measured in the same rounds.
const throughputBudget = 0.5;
const singleConnectionBudget = 0.4;
const p99RatioBudget = 3;
const cpuRatioBudget = 2;
/**
 * The host asks for the status of a refund answered "pending" this long after the answer (apps/host
 * src/refunds/outcome-patch.ts); the direct side asks as late, so both learn every outcome the same way.
 */
const firstStatusCheckMs = 2_000;

interface SideBySide {
  concurrency: number;
  host: LoadResult[];
  direct: LoadResult[];
  /** Median over rounds of host throughput / direct throughput in adjacent runs. */
  ratio: number;
  /**
   * Further sides run in the same rounds, when given, each with the host's throughput over its own: the direct
   * client that never asks for outcomes (`reference`) and the floor proxies, one row per write (`floor`) and the
   * design's rows (`designFloor`).
   */
  others: Partial<Record<OtherSide, { results: LoadResult[]; ratio: number }>>;
}

type OtherSide = 'reference' | 'floor' | 'designFloor';

const perSecond = (result: LoadResult) => (result.requests * 1000) / result.elapsedMs;
const pooled = (results: LoadResult[]) => results.flatMap((result) => result.latencies);

/**
 * CPU milliseconds per refund over all rounds: what a request costs whoever serves it, whatever the load; by
 * default the serving process's, or the database server's.
 */
function cpuPerRefund(results: LoadResult[], of: 'cpuMs' | 'databaseCpuMs' = 'cpuMs'): number {
  const measured = results.filter((result) => result[of] !== undefined);
  const requests = measured.reduce((sum, result) => sum + result.requests, 0);
  return measured.reduce((sum, result) => sum + (result[of] ?? 0), 0) / requests;
}

/** Refunds the host has not settled yet: its reconciler still has to ask the provider about them. */
async function unsettled(host: CliHost): Promise<number> {
  const response = await fetch(`${host.url}/metrics`, {
    headers: { authorization: `Bearer ${host.apiKeys[0]}` },
  });
  const text = await response.text();
  let count = 0;
  for (const match of text.matchAll(/^refunds_ledger_refunds\{state="(\w+)"\} (\d+)$/gm)) {
    if (match[1] === 'sending' || match[1] === 'pending' || match[1] === 'unknown') count += Number(match[2]);
  }
  return count;
}

/** What a round drives: the host or the floor, each able to say how many of its refunds are not settled yet. */
interface Served extends HostTarget {
  name: string;
  cpuMs(): number | undefined;
  unsettled(): Promise<number>;
}

const servedHost = (host: CliHost): Served => ({
  ...host,
  name: 'the host',
  unsettled: () => unsettled(host),
});

/**
 * A round through the host (or the floor), with the CPU its process spent on it and on settling its refunds.
 * GatePay answers a refund as accepted (pending) and the host asks for its status about two seconds later: that
 * check is part of what a refund costs the host, so the round waits for it and counts its CPU, and it must not
 * run during the direct client's round, where it would slow the direct side and go uncounted.
 */
async function servedRound(
  served: Served,
  concurrency: number,
  provider: BenchProvider,
  durationMs = roundMs,
  databaseCpuMs?: () => number | undefined,
): Promise<LoadResult> {
  const before = served.cpuMs();
  const databaseBefore = databaseCpuMs?.();
  const result = await driveHost(served, { concurrency, durationMs, refundRequest: provider.refundRequest });
  const deadline = Date.now() + 60_000;
  while ((await served.unsettled()) > 0) {
    if (Date.now() > deadline) throw new Error(`${served.name} did not settle its refunds within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const after = served.cpuMs();
  const databaseAfter = databaseCpuMs?.();
  return {
    ...result,
    ...(before !== undefined && after !== undefined ? { cpuMs: after - before } : {}),
    ...(databaseBefore !== undefined && databaseAfter !== undefined
      ? { databaseCpuMs: databaseAfter - databaseBefore }
      : {}),
  };
}

function failures(results: LoadResult[]): string {
  const errors = results.reduce((sum, result) => sum + result.errors, 0);
  const first = results.find((result) => result.firstError)?.firstError;
  return errors === 0 ? '0' : `${errors}${first ? ` (${first.slice(0, 80)})` : ''}`;
}

/**
 * The host and the direct client at one concurrency, alternating rounds (ABBA) after a warm-up of each; the
 * `others`, when given, run in every round too, and the host is compared with each the same way.
 */
async function sideBySide(
  concurrency: number,
  host: () => Promise<LoadResult>,
  direct: () => Promise<LoadResult>,
  others: Partial<Record<OtherSide, () => Promise<LoadResult>>> = {},
): Promise<SideBySide> {
  const otherEntries = Object.entries(others) as [OtherSide, () => Promise<LoadResult>][];
  const sides = [host, direct, ...otherEntries.map(([, side]) => side)];
  const results: LoadResult[][] = sides.map(() => []);
  for (const side of sides) await side();
  for (let round = 0; round < rounds; round += 1) {
    const order = sides.map((_, index) => index);
    if (round % 2 === 0) order.reverse();
    for (const index of order) results[index]!.push(await sides[index]!());
  }
  const [hostResults = [], directResults = [], ...otherResults] = results;
  const ratioTo = (them: LoadResult[]) => shareOf(hostResults, them);
  return {
    concurrency,
    host: hostResults,
    direct: directResults,
    ratio: ratioTo(directResults),
    others: Object.fromEntries(
      otherEntries.map(([name], index) => [
        name,
        { results: otherResults[index]!, ratio: ratioTo(otherResults[index]!) },
      ]),
    ),
  };
}

function throughputRows(label: string, results: SideBySide[]): string[][] {
  return results.flatMap((result) => [
    [
      label,
      String(result.concurrency),
      formatNumber(median(result.host.map(perSecond))),
      formatNumber(percentile(pooled(result.host), 0.5), 2),
      formatNumber(percentile(pooled(result.host), 0.99), 2),
      formatNumber(median(result.direct.map(perSecond))),
      formatNumber(percentile(pooled(result.direct), 0.5), 2),
      formatNumber(percentile(pooled(result.direct), 0.99), 2),
      `${(result.ratio * 100).toFixed(0)}%`,
      formatNumber(cpuPerRefund(result.host), 2),
      formatNumber(cpuPerRefund(result.direct), 2),
      `${failures(result.host)} / ${failures(result.direct)}`,
    ],
  ]);
}

/**
 * Another side of the same rounds against the direct client, and the host against it: its req/s, p99, CPU per
 * refund and share of the direct client, then the host's share, p99 and CPU over its; for a floor, the database
 * server's CPU too. `labels` go first in each row.
 */
function otherSideRows(labels: string[], results: SideBySide[], name: OtherSide): string[][] {
  return results.flatMap(({ concurrency, host, direct, others }) => {
    const other = others[name];
    if (!other) return [];
    return [
      [
        ...labels,
        String(concurrency),
        formatNumber(median(other.results.map(perSecond))),
        formatNumber(percentile(pooled(other.results), 0.99), 2),
        formatNumber(cpuPerRefund(other.results), 2),
        `${(shareOf(other.results, direct) * 100).toFixed(0)}%`,
        `${(other.ratio * 100).toFixed(0)}%`,
        formatRatio(percentile(pooled(host), 0.99) / percentile(pooled(other.results), 0.99)),
        formatRatio(cpuPerRefund(host) / cpuPerRefund(other.results)),
        ...(name === 'reference' ? [] : [databaseCpu(host, other.results), failures(other.results)]),
      ],
    ];
  });
}

/** The database server's CPU per refund, the host's against the floor's; SQLite's is inside the processes. */
function databaseCpu(host: LoadResult[], floor: LoadResult[]): string {
  const hostMs = cpuPerRefund(host, 'databaseCpuMs');
  const floorMs = cpuPerRefund(floor, 'databaseCpuMs');
  return Number.isNaN(hostMs) || Number.isNaN(floorMs)
    ? 'in the process'
    : `${formatNumber(hostMs, 2)} / ${formatNumber(floorMs, 2)}`;
}

/** One side's throughput over another's, the median over adjacent rounds (as the host share is). */
const shareOf = (side: LoadResult[], direct: LoadResult[]) =>
  median(side.map((result, round) => perSecond(result) / perSecond(direct[round]!)));

function floorShare(results: SideBySide[], concurrency: number, name: 'floor' | 'designFloor'): string {
  const round = results.find((result) => result.concurrency === concurrency);
  const floor = round?.others[name];
  return round && floor ? `${(shareOf(floor.results, round.direct) * 100).toFixed(0)}%` : 'n/a';
}

/** The two floor proxies of a ledger: one row per write, and the rows the host's design requires. */
interface Floors {
  one: FloorProxy;
  design: FloorProxy;
}

/** On PostgreSQL each floor gets a database of its own (`createDatabase`): the sides share no tables. */
async function startFloors(
  options: Omit<Parameters<typeof startFloorProxy>[0], 'rows' | 'databaseUrl'> & {
    createDatabase?: () => Promise<string>;
  },
): Promise<Floors> {
  const { createDatabase, ...common } = options;
  const start = async (rows: FloorRows) =>
    startFloorProxy({ ...common, rows, ...(createDatabase ? { databaseUrl: await createDatabase() } : {}) });
  const one = await start('one');
  try {
    return { one, design: await start('design') };
  } catch (error) {
    await one.stop();
    throw error;
  }
}

const stopFloors = async (floors: Floors) => {
  await floors.one.stop();
  await floors.design.stop();
};

async function measureLedger(
  label: string,
  provider: BenchProvider,
  direct: DirectClient,
  target: CliHost,
  floors: Floors,
  checks: BudgetCheck[],
  explain: (result: SideBySide) => string,
  databaseCpuMs?: () => number | undefined,
): Promise<SideBySide[]> {
  const results: SideBySide[] = [];
  // Steady state, as a host serves for days: a fresh process runs its first thousands of requests in V8's
  // interpreter and baseline tiers, at several times the CPU per request of optimized code, so without this the
  // first concurrency measured (one connection) would measure the JIT's warm-up. Both sides get the same.
  await direct.run({
    concurrency: warmUpConcurrency,
    durationMs: warmUpMs,
    checkPendingAfterMs: firstStatusCheckMs,
  });
  await servedRound(servedHost(target), warmUpConcurrency, provider, warmUpMs);
  await servedRound(floors.one, warmUpConcurrency, provider, warmUpMs);
  await servedRound(floors.design, warmUpConcurrency, provider, warmUpMs);
  for (const concurrency of concurrencies) {
    const result = await sideBySide(
      concurrency,
      () => servedRound(servedHost(target), concurrency, provider, roundMs, databaseCpuMs),
      () => direct.run({ concurrency, durationMs: roundMs, checkPendingAfterMs: firstStatusCheckMs }),
      {
        reference: () => direct.run({ concurrency, durationMs: roundMs }),
        floor: () => servedRound(floors.one, concurrency, provider, roundMs, databaseCpuMs),
        designFloor: () => servedRound(floors.design, concurrency, provider, roundMs, databaseCpuMs),
      },
    );
    results.push(result);
    const explanation = explain(result);
    if (concurrency === 1) {
      checks.push({
        section: 'Host throughput',
        subject: `${label} host at concurrency 1, share of direct throughput`,
        budget: `>= ${singleConnectionBudget * 100}%`,
        measured: `${(result.ratio * 100).toFixed(0)}%`,
        met: result.ratio >= singleConnectionBudget,
        explanation,
      });
    }
    if (concurrency === 32) {
      const p99Ratio = percentile(pooled(result.host), 0.99) / percentile(pooled(result.direct), 0.99);
      const cpuRatio = cpuPerRefund(result.host) / cpuPerRefund(result.direct);
      checks.push(
        {
          section: 'Host throughput',
          subject: `${label} host at concurrency 32, share of direct throughput`,
          budget: `>= ${throughputBudget * 100}%`,
          measured: `${(result.ratio * 100).toFixed(0)}%`,
          met: result.ratio >= throughputBudget,
          explanation,
        },
        {
          section: 'Host throughput',
          subject: `${label} host at concurrency 32, p99 latency against the direct client's`,
          budget: `<= ${p99RatioBudget}x`,
          measured: formatRatio(p99Ratio),
          met: p99Ratio <= p99RatioBudget,
          explanation,
        },
        {
          section: 'Host throughput',
          subject: `${label} host at concurrency 32, CPU per refund against the direct client's`,
          budget: `<= ${cpuRatioBudget}x`,
          measured: formatRatio(cpuRatio),
          met: cpuRatio <= cpuRatioBudget,
          explanation,
        },
      );
    }
  }
  return results;
}

/**
 * Section 3: POST /v1/refunds through the built host (the `refunds serve` CLI) against the canned GatePay
 * endpoint, side by side with the GatePay client called directly at the same concurrency.
 */
export async function hostThroughputBenchmark(): Promise<BenchmarkSection> {
  const name: ProviderName = 'gatepay';
  const credentials = createBenchCredentials(name);
  const provider = createBenchProvider(name, credentials);
  const directory = mkdtempSync(join(tmpdir(), 'refunds-bench-host-'));
  const stops: (() => Promise<void>)[] = [];
  const checks: BudgetCheck[] = [];
  const rows: string[][] = [];
  const strictRows: string[][] = [];
  const leastRows: string[][] = [];
  const floorAtOne: string[] = [];
  const designFloorAt: Record<1 | 32, string[]> = { 1: [], 32: [] };
  /** A ledger's rounds into the tables and the headline. */
  const report = (ledger: string, results: SideBySide[]) => {
    rows.push(...throughputRows(ledger, results));
    strictRows.push(...otherSideRows([ledger], results, 'reference'));
    leastRows.push(
      ...otherSideRows([ledger, 'one row'], results, 'floor'),
      ...otherSideRows([ledger, 'design rows'], results, 'designFloor'),
    );
    floorAtOne.push(`${ledger} ${floorShare(results, 1, 'floor')}`);
    for (const concurrency of [1, 32] as const) {
      designFloorAt[concurrency].push(`${ledger} ${floorShare(results, concurrency, 'designFloor')}`);
    }
  };
  const scalingRows: string[][] = [];
  let postgresDescription = 'not measured';
  const loadAtStart = loadavg()[0]!;
  let commit = { fullMs: Number.NaN, normalMs: Number.NaN };
  const explain = (ledger: string) => (result: SideBySide) => {
    const hostThroughput = median(result.host.map(perSecond));
    const directThroughput = median(result.direct.map(perSecond));
    const directP99 = percentile(pooled(result.direct), 0.99);
    const { reference, floor, designFloor } = result.others;
    const strict = reference
      ? ` Against the direct client that never asks for the outcome (refund() only): ` +
        `${formatNumber(median(reference.results.map(perSecond)))} refunds/s, host share ` +
        `${(reference.ratio * 100).toFixed(0)}%, p99 ` +
        `${formatRatio(percentile(pooled(result.host), 0.99) / percentile(pooled(reference.results), 0.99))}, CPU ` +
        `${formatRatio(cpuPerRefund(result.host) / cpuPerRefund(reference.results))} ` +
        `(${formatNumber(cpuPerRefund(reference.results), 2)} ms per refund).`
      : '';
    const least = floor
      ? ` The floor proxy in the same rounds (node:http, the same client, the two flushed writes and the status ` +
        `check, nothing else) reached ${formatNumber(median(floor.results.map(perSecond)))} refunds/s, ` +
        `${(shareOf(floor.results, result.direct) * 100).toFixed(0)}% of the direct client, at ` +
        `${formatNumber(cpuPerRefund(floor.results), 2)} ms of CPU per refund; the host reached ` +
        `${(floor.ratio * 100).toFixed(0)}% of it.` +
        (ledger === 'PostgreSQL'
          ? ` PostgreSQL's server processes, on the same cores, spent ` +
            `${formatNumber(cpuPerRefund(result.host, 'databaseCpuMs'), 2)} ms of CPU per host refund (each of ` +
            'its statements writes the refund with its indexes, an event and the counts; the first two also take and ' +
            'release the order lock) against ' +
            `${formatNumber(cpuPerRefund(floor.results, 'databaseCpuMs'), 2)} ms per floor refund (one row each).`
          : '')
      : '';
    const design = designFloor
      ? ` The design floor proxy (the same, writing in each step only the rows the host's design requires: the ` +
        'refund, its event, the order lock and the count) reached ' +
        `${formatNumber(median(designFloor.results.map(perSecond)))} refunds/s, ` +
        `${(shareOf(designFloor.results, result.direct) * 100).toFixed(0)}% of the direct client, at ` +
        `${formatNumber(cpuPerRefund(designFloor.results), 2)} ms of CPU per refund` +
        (ledger === 'PostgreSQL'
          ? ` and ${formatNumber(cpuPerRefund(designFloor.results, 'databaseCpuMs'), 2)} ms of PostgreSQL's`
          : '') +
        `; the host reached ${(designFloor.ratio * 100).toFixed(0)}% of it.`
      : '';
    return (
      `${ledger} host at ${result.concurrency}: ${formatNumber(hostThroughput)} refunds/s against ` +
      `${formatNumber(directThroughput)} for the direct client, both asking for the status of each refund two ` +
      `seconds after GatePay accepted it. Each refund cost the host process ` +
      `${formatNumber(cpuPerRefund(result.host), 2)} ms of CPU against ${formatNumber(cpuPerRefund(result.direct), 2)} ` +
      'ms for the direct client: the host also parses, authenticates and validates the HTTP request, hashes it, ' +
      "records the refund with the order's lock before the same provider call and its outcome with the lock's " +
      'release and the webhook outbox row after it, and claims the refund for its status check, ' +
      (ledger === 'SQLite'
        ? `and a flushed SQLite commit took ${formatNumber(commit.fullMs, 2)} ms on this disk ` +
          `(${formatNumber(commit.normalMs, 3)} ms unflushed) with the event loop blocked (better-sqlite3 is ` +
          'synchronous), shared by the writes that arrived together (group commit). '
        : 'each one statement, prepared once per connection, a round trip to PostgreSQL, whose server processes ' +
          'share the same 2 cores. ') +
      'On 2 cores shared by the load driver, the host, the canned endpoint and the database, CPU per refund sets the ' +
      `ceiling. The p99 follows: with ${result.concurrency} requests in flight, Little's law puts the mean latency ` +
      `at ${result.concurrency} / throughput (${formatNumber((result.concurrency * 1000) / hostThroughput)} ms at ` +
      `${formatNumber(hostThroughput)}/s; the direct client's p99 at ${result.concurrency}: ` +
      `${formatNumber(directP99, 1)} ms).${least}${design}${strict} Load average when the section started: ${loadAtStart.toFixed(1)}.`
    );
  };
  try {
    const endpoint = await startCannedEndpoint(name, credentials);
    stops.push(() => endpoint.stop());
    const endpointUrl = endpoint.ready.url;
    const direct = await startDirectClient(name, credentials, endpointUrl);
    stops.push(() => direct.stop());

    const sqliteDirectory = join(directory, 'sqlite');
    mkdirSync(sqliteDirectory);
    commit = measureSqliteCommit(sqliteDirectory);
    const floorOptions = { provider: name, credentials, endpointUrl, statusCheckAfterMs: firstStatusCheckMs };
    const sqliteHost = await startCliHost({ provider, endpointUrl, directory: sqliteDirectory });
    const sqliteFloors = await startFloors({ ...floorOptions, directory: sqliteDirectory });
    try {
      const results = await measureLedger(
        'SQLite',
        provider,
        direct,
        sqliteHost,
        sqliteFloors,
        checks,
        explain('SQLite'),
      );
      report('SQLite', results);
    } finally {
      await sqliteHost.stop();
      await stopFloors(sqliteFloors);
    }

    const postgres = await startBenchPostgres();
    stops.push(() => postgres.stop());
    postgresDescription = postgres.description;
    const postgresDirectory = join(directory, 'postgres');
    mkdirSync(postgresDirectory);
    const first = await startCliHost({
      provider,
      endpointUrl,
      directory: postgresDirectory,
      databaseUrl: postgres.url,
    });
    stops.push(() => first.stop());
    const postgresFloors = await startFloors({
      ...floorOptions,
      directory: postgresDirectory,
      createDatabase: postgres.createDatabase,
    });
    const results = await measureLedger(
      'PostgreSQL',
      provider,
      direct,
      first,
      postgresFloors,
      checks,
      explain('PostgreSQL'),
      postgresServerCpuMs,
    );
    // Stopped before the two-host rounds, which it would only share the cores with.
    await stopFloors(postgresFloors);
    report('PostgreSQL', results);

    // One host against two on the same database, the same 32 connections in total.
    const second = await startCliHost({
      provider,
      endpointUrl,
      directory: postgresDirectory,
      databaseUrl: postgres.url,
    });
    stops.push(() => second.stop());
    const one = () => servedRound(servedHost(first), 32, provider);
    const two = async (): Promise<LoadResult> => {
      const started = performance.now();
      const results = await Promise.all(
        [first, second].map((host) =>
          driveHost(host, { concurrency: 16, durationMs: roundMs, refundRequest: provider.refundRequest }),
        ),
      );
      return {
        requests: results.reduce((sum, result) => sum + result.requests, 0),
        errors: results.reduce((sum, result) => sum + result.errors, 0),
        elapsedMs: performance.now() - started,
        latencies: results.flatMap((result) => result.latencies),
        ...(results.find((result) => result.firstError)
          ? { firstError: results.find((result) => result.firstError)?.firstError }
          : {}),
      };
    };
    // CPU both hosts used, to show whether a second process had any spare core to use.
    const hostCpu = () => (first.cpuMs() ?? 0) + (second.cpuMs() ?? 0);
    const withCores = (run: () => Promise<LoadResult>) => async () => {
      const before = hostCpu();
      const result = await run();
      return { ...result, cpuMs: hostCpu() - before };
    };
    const scaling = await sideBySide(32, withCores(two), withCores(one));
    for (const [label, results] of [
      ['1 host process', scaling.direct],
      ['2 host processes', scaling.host],
    ] as const) {
      scalingRows.push([
        label,
        formatNumber(median(results.map(perSecond))),
        formatNumber(percentile(pooled(results), 0.5), 2),
        formatNumber(percentile(pooled(results), 0.99), 2),
        formatNumber(
          results.reduce((sum, result) => sum + (result.cpuMs ?? 0), 0) /
            results.reduce((sum, result) => sum + result.elapsedMs, 0),
          2,
        ),
        failures(results),
      ]);
    }
    scalingRows.push(['2 / 1', formatRatio(scaling.ratio), '', '', '', '']);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    rmSync(directory, { recursive: true, force: true });
  }
  const body = [
    'GatePay (HMAC-signed JSON both ways, the default `standard` endpoint) behind the built host, started as an',
    'operator would: `node apps/host/dist/cli.js serve --config ...` with `LOG_LEVEL=warn`, the reconciler on (it',
    'asks the canned endpoint for the status of every accepted refund), SQLite with its default durability',
    '(WAL, `synchronous=FULL`). The load driver (bench/drive-host.ts) sends `POST /v1/refunds` from the bench',
    'process, every request a new refund id and a new order, one at a time on each of as many keep-alive',
    'connections as the concurrency; it opens them and uses each once (`GET /healthz`) before every round, as a',
    "client's connection pool has them open: Node accepts one new connection per turn of its event loop, so",
    'connections opened at the start of a round on a busy process each waited for the turns before theirs, and',
    "those first requests would be the round's p99. The direct side is `createGatePay().refund()` in a process of",
    'its own with as many concurrent callers. Both go to the same canned endpoint, a process of its own. Before each ledger, each side',
    `serves ${warmUpMs / 1000} s at ${warmUpConcurrency} connections (V8 optimizes a fresh process's code over its first`,
    'thousands of requests; a host serves for days). Then at each concurrency: a warm-up',
    `round of each, then ${rounds} rounds of ${roundMs / 1000} s each, alternating; req/s is the median over rounds,`,
    'latencies are pooled over rounds, and the host share is the median of host/direct over adjacent rounds.',
    '',
    'GatePay answers a refund as accepted, not done ("a success response only means the refund was accepted"),',
    `so whoever refunds must ask for the outcome: the host's reconciler asks ${firstStatusCheckMs / 1000} s after the answer, and`,
    `the direct side calls \`getRefund()\` as late for each of its refunds. Each round ends when every refund of`,
    'it is settled on both sides; req/s counts the refunds sent during the round, CPU ms/refund counts all the',
    'CPU time the process spent on them, status checks included (from /proc for the host, `process.cpuUsage()`',
    'for the direct side). The budgets are judged on this basis, the same work on both sides. The second table',
    'compares the host with a third side in the same rounds, the direct client that sends refunds and never asks',
    'for their outcome (`refund()` only), the stricter basis of the first measurements.',
    '',
    `Failures: host / direct (any answer other than 201 counts). ${postgresDescription}; its`,
    'server was started with fsync off (tests) and that cannot be changed at run time, so PostgreSQL commits here',
    `skip the disk flush SQLite pays. One SQLite commit on this disk: ${formatNumber(commit.fullMs, 2)} ms flushed`,
    `(synchronous=FULL), ${formatNumber(commit.normalMs, 3)} ms not. Load average at the start of the section:`,
    `${loadAtStart.toFixed(1)}.`,
    '',
    markdownTable(
      [
        'Ledger',
        'Concurrency',
        'Host req/s',
        'Host p50 ms',
        'Host p99 ms',
        'Direct req/s',
        'Direct p50 ms',
        'Direct p99 ms',
        'Host share',
        'Host CPU ms/refund',
        'Direct CPU ms/refund',
        'Failures',
      ],
      rows,
    ),
    '',
    'The host against the direct client sending `refund()` only, in the same rounds:',
    '',
    markdownTable(
      [
        'Ledger',
        'Concurrency',
        'refund() only req/s',
        'Its p99 ms',
        'Its CPU ms/refund',
        'Its share of direct',
        'Host share',
        'Host p99 / its p99',
        'Host CPU / its CPU',
      ],
      strictRows,
    ),
    '',
    'What the machine allows: a floor proxy in the same rounds, a fourth side (bench/floor-proxy-process.ts).',
    'It is the least a service that refunds durably does: a node:http server, the same GatePay client, the',
    'refund recorded and flushed before the call and its outcome flushed after it, on the same kind of ledger',
    '(a table with a primary key and nothing else; PostgreSQL on the same server in a database of its own, a',
    'round trip per write), and the same status check two seconds later. No authentication, validation, order',
    'lock, event, count or outbox, and no group commit. With one refund in flight nothing can share a flush',
    'or a round trip, so at concurrency 1 its share is about the most any host that keeps a ledger can reach',
    "on this machine, and the host's share of it is what the host's own work costs; at 32 a host that batches",
    'its flushes (group commit) can do better.',
    '',
    "A second floor, a fifth side, does the same but writes in each step the rows the host's design requires",
    '(bench/open-floor-ledger.ts): the refund, its event (the append-only log), the order lock (taken with the',
    "record, released with the outcome) and the count of its state (striped as the host's), each step one",
    'statement on PostgreSQL and one transaction on SQLite, with primary keys only: no secondary index, foreign',
    'key, lease, request hash or outbox. With one refund in flight, what it reaches no host built on this design',
    'reaches on this machine. With many, a host that writes the steps of several refunds at once (group commit, as',
    "the host does on SQLite) can beat it; PostgreSQL's writes are not batched across refunds yet.",
    "The last column is the CPU PostgreSQL's server processes spent per refund of each side in the same rounds",
    '(from /proc; not part of the host CPU budget, but taken from the same 2 cores).',
    '',
    markdownTable(
      [
        'Ledger',
        'Floor writes',
        'Concurrency',
        'Floor req/s',
        'Floor p99 ms',
        'Floor CPU ms/refund',
        'Floor share of direct',
        'Host share of floor',
        'Host p99 / floor p99',
        'Host CPU / floor CPU',
        'Database CPU ms/refund, host / floor',
        'Floor failures',
      ],
      leastRows,
    ),
    '',
    'Host processes on one PostgreSQL database, 32 connections in total (16 to each of two), alternating rounds:',
    '',
    markdownTable(['Hosts', 'req/s', 'p50 ms', 'p99 ms', 'Cores used by the hosts', 'Failures'], scalingRows),
    '',
    'A second host process adds throughput only where there is a core for it: here the 2 cores are shared by',
    'the load driver, the canned endpoint, PostgreSQL and the hosts, so the column above is the one to read, and on a',
    'machine with free cores the same two processes would not be limited by it.',
  ].join('\n');
  const at32 = checks
    .filter((check) => check.subject.includes('concurrency 32'))
    .map((check) => {
      const figure = check.subject.includes('p99') ? 'p99' : check.subject.includes('CPU') ? 'CPU' : 'share';
      return `${check.subject.split(' ')[0]} ${figure} ${check.measured}`;
    });
  const at1 = checks
    .filter((check) => check.subject.includes('concurrency 1,'))
    .map((check) => `${check.subject.split(' ')[0]} ${check.measured}`);
  const headline =
    `at 32 connections the host reaches ${at32.join(', ')} of the direct client (budgets: share >= ` +
    `${throughputBudget * 100}%, p99 <= ${p99RatioBudget}x, CPU per refund <= ${cpuRatioBudget}x); at one ` +
    `connection ${at1.join(', ')} (budget >= ${singleConnectionBudget * 100}%), where a floor proxy that only ` +
    `flushes its two writes around the same call reached ${floorAtOne.join(', ')} and one writing the design's ` +
    `rows ${designFloorAt[1].join(', ')} in the same rounds (at 32: ${designFloorAt[32].join(', ')}). A second ` +
    'host process on one ' +
    `PostgreSQL gave ${scalingRows.at(-1)?.[1] ?? 'n/a'} the throughput of one on these 2 shared cores.`;
  return { title: 'Host throughput and latency', body, checks, headline };
}
