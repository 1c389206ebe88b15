import { runRefundModel } from './run-refund-model';
import { runSoak, type SoakBackend } from './run-soak';

/**
 * `pnpm soak`: mixed traffic with injected faults against a real host on SQLite, then on PostgreSQL (one after
 * the other, so their memory curves stay apart), a crash phase, and `refunds audit` at the end of each.
 *
 *   SOAK_MINUTES         traffic minutes per backend (default 10)
 *   SOAK_BACKENDS        comma-separated: sqlite,postgres (default both)
 *   SOAK_CRASHES         SIGKILLs survived per backend after the traffic (default 20)
 *   SOAK_FAULT_RATE      share of refunds with a fault injected (default 0.05)
 *   SOAK_MEMORY_GROWTH   allowed RSS growth, first minute to last (default 0.25; 0.6 under 5 minutes)
 *   REFUNDS_MODEL_RUNS   runs of the model-based exactly-once test per backend, after the soak (default 300; 0 skips)
 *   REFUNDS_MODEL_MINUTES  time limit of those runs per backend (default 15)
 *   REFUNDS_MODEL_SEED   replays a reported model failure (with REFUNDS_MODEL_PATH and REFUNDS_MODEL_REPLAY_PATH)
 */
const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const backends = (process.env.SOAK_BACKENDS ?? 'sqlite,postgres')
  .split(',')
  .map((backend) => backend.trim())
  .filter(Boolean) as SoakBackend[];
const crashes = Number(process.env.SOAK_CRASHES ?? 20);
const faultRate = Number(process.env.SOAK_FAULT_RATE ?? 0.05);
// A leak grows with traffic: hundreds of requests a second for ten minutes move RSS far past a quarter. V8
// heap sizing and caches that settle after the first minute do not. Short runs barely leave warm-up.
const memoryGrowthLimit = Number(process.env.SOAK_MEMORY_GROWTH ?? (minutes >= 5 ? 0.25 : 0.6));

const started = Date.now();
console.log(
  `soak: ${minutes} min of traffic per backend (${backends.join(' then ')}), ${faultRate * 100}% faults, ` +
    `${crashes} crashes per backend, memory growth limit ${memoryGrowthLimit * 100}%`,
);
const results = await runSoak({
  minutes,
  backends,
  crashes,
  faultRate,
  memoryGrowthLimit,
  log: (line) => console.log(`${new Date().toISOString()} ${line}`),
});

let failed = false;
for (const result of results) {
  const memory = result.memory
    ? `${result.memory.firstMedianMb.toFixed(0)} -> ${result.memory.lastMedianMb.toFixed(0)} MiB ` +
      `(${(result.memory.growth * 100).toFixed(1)}%, ${result.memory.samples} samples)`
    : 'not measured';
  console.log(
    [
      '',
      `== ${result.backend}`,
      `refunds sent ${result.refundsSent}, acknowledged ${result.acknowledged}, executed ${result.executed}`,
      `ledger states ${JSON.stringify(result.byState)}`,
      `other requests ${JSON.stringify(result.requests)}`,
      `faults injected ${result.faultsInjected} ${JSON.stringify(result.faults)}`,
      `crashes survived ${result.crashesSurvived}`,
      `fuzz cases tried ${result.hostileRequests}`,
      `refunds audited ${result.audit.audited}, differences ${result.audit.differences}, ` +
        `open ${result.audit.open}, needs_attention ${result.audit.needsAttention} (audit exit ${result.audit.exitCode})`,
      `memory (RSS median, first minute after warm-up -> last minute) ${memory}`,
      result.problems.length === 0 ? 'problems: none' : `problems (${result.problems.length}):`,
      ...result.problems.slice(0, 50).map((problem) => `  ${problem}`),
    ].join('\n'),
  );
  if (result.problems.length > 0) failed = true;
}
const total = (pick: (result: (typeof results)[number]) => number) =>
  results.reduce((sum, result) => sum + pick(result), 0);
console.log(
  [
    '',
    `== soak ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 60_000).toFixed(1)} min`,
    `faults injected ${total((result) => result.faultsInjected)}`,
    `crashes survived ${total((result) => result.crashesSurvived)}`,
    `fuzz cases tried ${total((result) => result.hostileRequests)}`,
    `refunds audited ${total((result) => result.audit.audited)}`,
    `differences found ${total((result) => Math.max(0, result.audit.differences))}`,
  ].join('\n'),
);
process.exitCode = failed ? 1 : 0;

// The model-based test's long run (issue 13, point 12): many more, and longer, random interleavings than the short
// run in `pnpm test`, on each backend in turn.
const modelRuns = Number(process.env.REFUNDS_MODEL_RUNS ?? 300);
const modelMinutes = Number(process.env.REFUNDS_MODEL_MINUTES ?? 15);
const modelSeed = process.env.REFUNDS_MODEL_SEED ? Number(process.env.REFUNDS_MODEL_SEED) : undefined;
if (modelRuns > 0) {
  for (const backend of backends) {
    const report = await runRefundModel({
      backend,
      runs: modelRuns,
      maxCommands: 30,
      timeLimitMs: modelMinutes * 60_000,
      ...(modelSeed === undefined ? {} : { seed: modelSeed }),
      ...(process.env.REFUNDS_MODEL_PATH ? { path: process.env.REFUNDS_MODEL_PATH } : {}),
      ...(process.env.REFUNDS_MODEL_REPLAY_PATH ? { replayPath: process.env.REFUNDS_MODEL_REPLAY_PATH } : {}),
      log: (line) => console.log(`\n== ${line}`),
    });
    if (report.failure !== undefined) {
      console.log(`refund model (${backend}) FAILED:\n${report.failure}`);
      process.exitCode = 1;
    }
  }
}
