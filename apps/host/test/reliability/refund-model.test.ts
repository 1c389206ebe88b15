import { describe, expect, it } from 'vitest';
import type { ModelBackend } from './refund-model-ledgers';
import { runRefundModel } from './run-refund-model';

/**
 * The short run of the model-based test for `pnpm test`, on each ledger: a few dozen random interleavings of two
 * host instances, crashes, faults, lagging reads, notifications and syncs over the four sandboxes, each checked
 * against the providers' ground truth. `pnpm soak` runs the long one. A failure prints fast-check's report: the
 * seed, the path and the shrunk command list; replay it with REFUNDS_MODEL_SEED,
 * REFUNDS_MODEL_PATH and REFUNDS_MODEL_REPLAY_PATH.
 */
const runs = Number(process.env.REFUNDS_MODEL_TEST_RUNS ?? 20);
const seed = process.env.REFUNDS_MODEL_SEED ? Number(process.env.REFUNDS_MODEL_SEED) : undefined;
const path = process.env.REFUNDS_MODEL_PATH || undefined;
const replayPath = process.env.REFUNDS_MODEL_REPLAY_PATH || undefined;

describe.each<ModelBackend>(['sqlite', 'postgres'])('refund model on %s', (backend) => {
  it('keeps every refund executed at most once, never failed when executed, never beyond the order, never stranded', async () => {
    const report = await runRefundModel({
      backend,
      runs,
      maxCommands: 16,
      timeLimitMs: 40_000,
      ...(seed === undefined ? {} : { seed }),
      ...(path === undefined ? {} : { path }),
      ...(replayPath === undefined ? {} : { replayPath }),
      log: (line) => console.log(line),
    });
    expect(report.failure, report.failure).toBeUndefined();
    // A time limit that cuts the run short must not leave the property untested.
    expect(report.passed).toBeGreaterThanOrEqual(Math.min(runs, 5));
    expect(report.commands).toBeGreaterThan(0);
  }, 120_000);
});
