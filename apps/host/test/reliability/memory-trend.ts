import { readFileSync } from 'node:fs';

export interface MemorySample {
  atMs: number;
  rssBytes: number;
}

export interface MemoryTrend {
  samples: number;
  /** Median RSS of the first window after warm-up, and of the last window, in MiB. */
  firstMedianMb: number;
  lastMedianMb: number;
  /** (last - first) / first. */
  growth: number;
  windowMs: number;
}

/** A process's resident set size now, from /proc (Linux); undefined when it cannot be read. */
export function residentSetSize(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * Compares the median RSS of the first minute after warm-up with that of the last minute. Medians, so that
 * one garbage collection at the edge of a window does not decide the result. The warm-up is three minutes (or
 * 30% of a short run): under this load V8 grows its heap in steps for the first two to three minutes (both
 * ten-minute soaks showed one step of about 70 MiB near 150 s, then a plateau), and a baseline taken before
 * that step measures heap sizing, not a leak.
 */
export function memoryTrend(samples: readonly MemorySample[]): MemoryTrend | undefined {
  if (samples.length < 4) return undefined;
  const start = samples[0]?.atMs ?? 0;
  const end = samples.at(-1)?.atMs ?? 0;
  const windowMs = Math.min(60_000, (end - start) / 4);
  const warmUpMs = Math.min(180_000, (end - start) * 0.3);
  const median = (values: number[]) => {
    const sorted = [...values].sort((left, right) => left - right);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  const first = samples
    .filter((sample) => sample.atMs >= start + warmUpMs && sample.atMs < start + warmUpMs + windowMs)
    .map((sample) => sample.rssBytes);
  const last = samples.filter((sample) => sample.atMs > end - windowMs).map((sample) => sample.rssBytes);
  if (first.length === 0 || last.length === 0) return undefined;
  const firstMedian = median(first);
  const lastMedian = median(last);
  return {
    samples: samples.length,
    firstMedianMb: firstMedian / 1024 / 1024,
    lastMedianMb: lastMedian / 1024 / 1024,
    growth: (lastMedian - firstMedian) / firstMedian,
    windowMs,
  };
}
