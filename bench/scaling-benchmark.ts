import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedger, type Ledger } from '@refunds/host';
import { createBenchCredentials, createBenchProvider } from './bench-providers';
import type { BenchmarkSection } from './benchmark-section';
import { driveHost } from './drive-host';
import { formatNumber } from './format-number';
import { markdownTable } from './markdown-table';
import { median, percentile } from './percentile';
import {
  type DueReleaser,
  postgresDueReleaser,
  seededAccounts,
  seededOrder,
  seededRefundId,
  seedPostgresLedger,
  seedSqliteLedger,
  sqliteDueReleaser,
} from './seed-ledger';
import { startBenchPostgres } from './start-bench-postgres';
import { startCannedEndpoint } from './start-canned-endpoint';
import { startCliHost } from './start-cli-host';

export interface ScalingOptions {
  sqliteSizes: readonly number[];
  postgresSizes: readonly number[];
}

interface LedgerFigures {
  getRefund: number[];
  listPage: number[];
  listFiltered: number[];
  refundsOfOrder: number[];
  claimDue: number[];
  countByState: number[];
}

async function timeEach(
  times: number,
  operation: (index: number) => Promise<unknown>,
  after?: () => Promise<void>,
) {
  const latencies: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const started = performance.now();
    await operation(index);
    latencies.push(performance.now() - started);
    await after?.();
  }
  return latencies;
}

/** The reads and the claim every request or reconciler pass makes, on a ledger of `size` seeded refunds. */
async function measureLedger(ledger: Ledger, size: number, releaser: DueReleaser): Promise<LedgerFigures> {
  const random = (limit: number) => Math.floor(Math.random() * limit);
  await timeEach(50, () => ledger.getRefund(seededRefundId(random(size))));
  return {
    getRefund: await timeEach(500, () => ledger.getRefund(seededRefundId(random(size)))),
    listPage: await timeEach(100, () => ledger.listRefunds({ limit: 20 })),
    listFiltered: await timeEach(100, () =>
      ledger.listRefunds({ account: seededAccounts[1], state: 'pending', limit: 20 }),
    ),
    refundsOfOrder: await timeEach(200, () => {
      const { account, orderId } = seededOrder(random(size));
      return ledger.refundsOfOrder(account, orderId);
    }),
    claimDue: await timeEach(
      50,
      () =>
        ledger.claimDue('bench-reconciler', {
          now: new Date(),
          limit: 20,
          leaseMs: 60_000,
          accounts: ['gatepay:bench'],
        }),
      () => releaser.release(),
    ),
    countByState: await timeEach(10, () => ledger.countByState()),
  };
}

const ms = (latencies: number[], fraction = 0.5) => formatNumber(percentile(latencies, fraction), 3);

/**
 * Section 5: the ledger at 10^3, 10^5 and 10^6 refunds. Lookups, pages and claims must not grow with the table;
 * the host's POST throughput and memory are measured at each size too.
 */
export async function scalingBenchmark(options: ScalingOptions): Promise<BenchmarkSection> {
  const credentials = createBenchCredentials('gatepay');
  const provider = createBenchProvider('gatepay', credentials);
  const directory = mkdtempSync(join(tmpdir(), 'refunds-bench-scaling-'));
  const rows: string[][] = [];
  const growth: string[] = [];
  const findings: string[] = [];
  const endpoint = await startCannedEndpoint('gatepay', credentials);
  const stops: (() => Promise<void>)[] = [() => endpoint.stop()];
  try {
    const measureSizes = async (
      label: string,
      sizes: readonly number[],
      open: () => Promise<Ledger>,
      seed: (from: number, to: number) => Promise<void>,
      releaser: DueReleaser,
      hostOptions: { directory: string; databaseUrl?: string },
    ) => {
      let seeded = 0;
      const figures: LedgerFigures[] = [];
      for (const size of sizes) {
        const loadStarted = performance.now();
        await seed(seeded, size);
        const loadSeconds = (performance.now() - loadStarted) / 1000;
        seeded = size;
        const ledger = await open();
        let measured: LedgerFigures;
        try {
          measured = await measureLedger(ledger, size, releaser);
        } finally {
          await ledger.close();
        }
        figures.push(measured);
        const host = await startCliHost({ provider, endpointUrl: endpoint.ready.url, ...hostOptions });
        let hostFigures: string[];
        try {
          await driveHost(host, {
            concurrency: 32,
            durationMs: 1_000,
            refundRequest: provider.refundRequest,
          });
          const run = await driveHost(host, {
            concurrency: 32,
            durationMs: 3_000,
            refundRequest: provider.refundRequest,
          });
          const memory = host.memory();
          hostFigures = [
            formatNumber((run.requests * 1000) / run.elapsedMs),
            formatNumber(percentile(run.latencies, 0.99), 1),
            memory ? formatNumber(memory.rss / 1024 / 1024) : 'n/a',
          ];
        } finally {
          await host.stop();
        }
        rows.push([
          label,
          formatNumber(size),
          formatNumber(loadSeconds, 1),
          `${ms(measured.getRefund)} / ${ms(measured.getRefund, 0.99)}`,
          ms(measured.listPage),
          ms(measured.listFiltered),
          ms(measured.refundsOfOrder),
          ms(measured.claimDue),
          ms(measured.countByState),
          ...hostFigures,
        ]);
      }
      const first = figures[0];
      const last = figures.at(-1);
      if (first && last && figures.length > 1) {
        const factor = sizes.at(-1)! / sizes[0]!;
        for (const [operation, key] of [
          ['getRefund', 'getRefund'],
          ['listRefunds page', 'listPage'],
          ['listRefunds by account and state', 'listFiltered'],
          ['refundsOfOrder', 'refundsOfOrder'],
          ['claimDue', 'claimDue'],
          ['countByState', 'countByState'],
        ] as const) {
          const ratio = median(last[key]) / median(first[key]);
          const line =
            `${label}, ${operation}: ${formatNumber(median(first[key]), 3)} ms at ${formatNumber(sizes[0]!)} refunds, ` +
            `${formatNumber(median(last[key]), 3)} ms at ${formatNumber(sizes.at(-1)!)} (${formatNumber(factor)}x the rows): ` +
            (ratio <= 3 ? 'flat.' : `grows with the table (${formatNumber(ratio)}x).`);
          growth.push(line);
          if (ratio > 3) findings.push(`Scaling: ${line}`);
        }
      }
    };

    const sqliteDirectory = join(directory, 'sqlite');
    const sqlitePath = join(sqliteDirectory, 'data', 'refunds.sqlite');
    mkdirSync(join(sqliteDirectory, 'data'), { recursive: true });
    // The host's own migration creates the schema; rows are then loaded beside it.
    await (await createLedger({ sqlitePath })).close();
    const sqliteReleaser = sqliteDueReleaser(sqlitePath);
    stops.push(() => sqliteReleaser.close());
    await measureSizes(
      'SQLite',
      options.sqliteSizes,
      () => createLedger({ sqlitePath }),
      async (from, to) => seedSqliteLedger(sqlitePath, from, to),
      sqliteReleaser,
      { directory: sqliteDirectory },
    );

    if (options.postgresSizes.length > 0) {
      const postgres = await startBenchPostgres();
      stops.push(() => postgres.stop());
      await (await createLedger({ databaseUrl: postgres.url })).close();
      const postgresReleaser = await postgresDueReleaser(postgres.url);
      stops.push(() => postgresReleaser.close());
      const postgresDirectory = join(directory, 'postgres');
      mkdirSync(postgresDirectory);
      await measureSizes(
        'PostgreSQL',
        options.postgresSizes,
        () => createLedger({ databaseUrl: postgres.url }),
        (from, to) => seedPostgresLedger(postgres.url, from, to),
        postgresReleaser,
        { directory: postgresDirectory, databaseUrl: postgres.url },
      );
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    rmSync(directory, { recursive: true, force: true });
  }
  const body = [
    'The ledger is grown in place to each size: refunds (98 of 100 final, 1 pending with its next check a day',
    'away, eight refunds per order across four accounts) and their first events are loaded straight into the',
    'migrated schema (one SQLite transaction per 100,000 rows; `generate_series` on PostgreSQL), plus the same',
    `200 due refunds (pending and unknown) at every size. Then, through the host's \`createLedger\`: 500`,
    'getRefund of random ids, 100 first pages of listRefunds (all, and one account in state pending), 200',
    "refundsOfOrder, 50 claimDue of 20 (the reconciler's pass; the leases are released between claims, untimed)",
    'and 10 countByState (what /metrics runs). Then the built host on that ledger: the load driver at 32 connections,',
    "2 s warm-up and 3 s measured, and the host's resident memory after it. Latencies in ms (median, and p99 for",
    'getRefund). This host is fresh and its reconciler works through the 200 due refunds while it is measured,',
    "so its throughput is below section 3's: compare the sizes with each other.",
    '',
    markdownTable(
      [
        'Ledger',
        'Refunds',
        'Load s',
        'getRefund p50 / p99',
        'List page',
        'List by account+state',
        'refundsOfOrder',
        'claimDue 20',
        'countByState',
        'Host req/s',
        'Host p99 ms',
        'Host RSS MB',
      ],
      rows,
    ),
    '',
    ...growth.map((line) => `- ${line}`),
  ].join('\n');
  const headline =
    findings.length === 0
      ? 'every lookup, page and claim stays flat from 10^3 to 10^6 refunds.'
      : `getRefund, listRefunds, refundsOfOrder and claimDue stay flat up to ${formatNumber(
          Math.max(...options.sqliteSizes, ...options.postgresSizes),
        )} refunds; ${findings.map((line) => line.replace(/^Scaling: /, '').split(':')[0]).join(' and ')} grow with the table (see Other findings).`;
  return { title: 'Scaling', body, checks: [], findings, headline };
}
