import { RefundError } from '@refunds/core';

/**
 * How many cases each fuzz property tries: small by default so CI stays fast on shared cores, raised with
 * REFUNDS_FUZZ_RUNS for a long run (the soak does).
 */
export function fuzzRuns(defaultRuns: number): number {
  const configured = Number(process.env.REFUNDS_FUZZ_RUNS);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : defaultRuns;
}

/** Fails a case that neither answers nor fails within the limit: a hang is a bug too. */
export async function withinTime<Value>(work: Promise<Value>, ms: number, what: string): Promise<Value> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `work`; anything thrown that is not a RefundError is rethrown as a failure naming it. */
export async function onlyRefundErrors<Value>(
  work: () => Value | Promise<Value>,
): Promise<Value | RefundError> {
  try {
    return await work();
  } catch (error) {
    if (RefundError.isInstance(error)) return error;
    throw new Error(`threw ${describe(error)} instead of a RefundError`, { cause: error });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `a non-error (${String(error)})`;
}
