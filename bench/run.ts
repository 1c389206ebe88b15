import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { BenchmarkSection } from './benchmark-section';
import { describeMachine } from './describe-machine';
import { reportPath, repositoryRoot } from './workspace-paths';
import { type ReportState, writeBenchmarkReport } from './write-benchmark-report';

const packageManagerVariable = 'npm_execpath';
const sectionNames = ['signing', 'client', 'host', 'footprint', 'scaling', 'durability'] as const;
type SectionName = (typeof sectionNames)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    'skip-build': { type: 'boolean', default: false },
    'postgres-max': { type: 'string', default: '1000000' },
    output: { type: 'string', default: reportPath },
  },
});

const selected = new Set<SectionName>(
  values.only?.length
    ? (values.only as SectionName[]).filter((name) => sectionNames.includes(name))
    : sectionNames,
);

if (!values['skip-build']) {
  // The bench measures the built packages and the built CLI, as an application and an operator use them.
  process.stderr.write('bench: building (pnpm build)...\n');
  // Under `pnpm bench`, pnpm names itself here, so the build runs with the same pnpm even when none is on PATH.
  const packageManager = process.env[packageManagerVariable];
  const build = packageManager
    ? spawnSync(process.execPath, [packageManager, 'build'], { cwd: repositoryRoot, stdio: 'inherit' })
    : spawnSync('pnpm', ['build'], { cwd: repositoryRoot, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('bench: the build failed; nothing was measured.\n');
    process.exit(1);
  }
}

// Loaded after the build: they import the packages' dist/.
const sections: Record<SectionName, { title: string; run: () => Promise<BenchmarkSection> }> = {
  signing: {
    title: 'Signing',
    run: async () => (await import('./signing-benchmark')).signingBenchmark(),
  },
  client: {
    title: 'Client overhead',
    run: async () => (await import('./client-overhead-benchmark')).clientOverheadBenchmark(),
  },
  host: {
    title: 'Host throughput and latency',
    run: async () => (await import('./host-throughput-benchmark')).hostThroughputBenchmark(),
  },
  footprint: {
    title: 'Footprint',
    run: async () => (await import('./footprint-benchmark')).footprintBenchmark(),
  },
  scaling: {
    title: 'Scaling',
    run: async () => {
      const postgresMax = Number(values['postgres-max']);
      return (await import('./scaling-benchmark')).scalingBenchmark({
        sqliteSizes: [1_000, 100_000, 1_000_000],
        postgresSizes: [1_000, 100_000, 1_000_000].filter((size) => size <= postgresMax),
      });
    },
  },
  durability: {
    title: 'SQLite durability',
    run: async () => (await import('./sqlite-thread-benchmark')).sqliteThreadBenchmark(),
  },
};

const state: ReportState = {
  machine: describeMachine(),
  sections: [],
  missing: [...selected].map((name) => ({ title: sections[name].title, reason: 'Not run yet.' })),
  startedAt: Date.now(),
  finished: false,
  command: 'pnpm bench',
};
const output = values.output ?? reportPath;

let failed = false;
for (const name of sectionNames) {
  if (!selected.has(name)) continue;
  const { title, run } = sections[name];
  const started = performance.now();
  process.stderr.write(`bench: ${title}...\n`);
  state.missing = state.missing.filter((missing) => missing.title !== title);
  try {
    const section = await run();
    state.sections.push(section);
    process.stderr.write(`bench: ${title} done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  } catch (error) {
    failed = true;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`bench: ${title} failed: ${message}\n`);
    state.missing.push({ title, reason: `This section failed:\n\n\`\`\`\n${message}\n\`\`\`` });
  }
  writeBenchmarkReport(output, state);
}
state.finished = true;
state.machine += `\n| Load average at end | ${loadavg()[0]?.toFixed(2)} (1 min) |`;
writeBenchmarkReport(output, state);
process.stderr.write(
  `bench: wrote ${output} in ${((Date.now() - state.startedAt) / 60_000).toFixed(1)} minutes\n`,
);
process.exit(failed ? 1 : 0);
