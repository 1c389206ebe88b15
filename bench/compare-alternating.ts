import { median } from './percentile';

export interface AlternatingOptions {
  /** What is measured: one operation per call. */
  subject: () => unknown;
  /** What it is compared with, on the same input. */
  baseline: () => unknown;
  /** Blocks of each; the order flips every pair (ABBA) so neither side always runs second. */
  blocks: number;
  operationsPerBlock: number;
  warmupBlocks?: number;
}

export interface AlternatingResult {
  /** Milliseconds per operation: the median over blocks of each block's mean. */
  subjectMedian: number;
  baselineMedian: number;
  /** The median of subject/baseline over adjacent pairs of blocks, which cancels drift in machine load. */
  ratio: number;
  /** Per-operation latencies in milliseconds, when each operation was timed on its own. */
  subjectLatencies: number[];
  baselineLatencies: number[];
}

async function runBlock(
  operation: () => unknown,
  count: number,
  latencies: number[] | undefined,
): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const operationStarted = latencies ? performance.now() : 0;
    const result = operation();
    // Awaiting only promises keeps the cost of a synchronous primitive free of a microtask per call.
    if (result instanceof Promise) await result;
    if (latencies) latencies.push(performance.now() - operationStarted);
  }
  return (performance.now() - started) / count;
}

/**
 * Measures two operations side by side: alternating blocks of each, so that whatever else the machine is doing
 * at a given moment weighs on both. Each block's mean is one sample; `timeEachOperation` also keeps every
 * single latency (for round trips, where the spread matters).
 */
export async function compareAlternating(
  options: AlternatingOptions & { timeEachOperation?: boolean },
): Promise<AlternatingResult> {
  const { subject, baseline, blocks, operationsPerBlock } = options;
  for (let block = 0; block < (options.warmupBlocks ?? 2); block += 1) {
    await runBlock(subject, operationsPerBlock, undefined);
    await runBlock(baseline, operationsPerBlock, undefined);
  }
  const subjectLatencies: number[] = [];
  const baselineLatencies: number[] = [];
  const subjectMeans: number[] = [];
  const baselineMeans: number[] = [];
  const ratios: number[] = [];
  const keep = options.timeEachOperation === true;
  for (let block = 0; block < blocks; block += 1) {
    let subjectMean: number;
    let baselineMean: number;
    if (block % 2 === 0) {
      subjectMean = await runBlock(subject, operationsPerBlock, keep ? subjectLatencies : undefined);
      baselineMean = await runBlock(baseline, operationsPerBlock, keep ? baselineLatencies : undefined);
    } else {
      baselineMean = await runBlock(baseline, operationsPerBlock, keep ? baselineLatencies : undefined);
      subjectMean = await runBlock(subject, operationsPerBlock, keep ? subjectLatencies : undefined);
    }
    subjectMeans.push(subjectMean);
    baselineMeans.push(baselineMean);
    ratios.push(subjectMean / baselineMean);
  }
  return {
    subjectMedian: median(subjectMeans),
    baselineMedian: median(baselineMeans),
    ratio: median(ratios),
    subjectLatencies,
    baselineLatencies,
  };
}

/** How many operations fill about `targetMs`, so that timer resolution and loop overhead do not matter. */
export async function calibrate(operation: () => unknown, targetMs: number): Promise<number> {
  let count = 1;
  for (;;) {
    const started = performance.now();
    for (let index = 0; index < count; index += 1) {
      const result = operation();
      if (result instanceof Promise) await result;
    }
    const elapsed = performance.now() - started;
    if (elapsed >= targetMs / 4 || count >= 1_000_000) {
      return Math.max(1, Math.round((count * targetMs) / Math.max(elapsed, 0.001)));
    }
    count *= 4;
  }
}
