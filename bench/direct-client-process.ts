import { setTimeout } from 'node:timers/promises';
import type { RefundLookup } from '@refunds/core';
import { createBenchProvider } from './bench-providers';
import type { ProviderName } from './workspace-paths';

export interface LoadCommand {
  concurrency: number;
  durationMs: number;
  /**
   * When set, every refund the provider answers as pending is looked up (`getRefund`) this long after the
   * answer, as the host's reconciler does, so both sides learn every outcome. The run returns once the last
   * lookup has: their CPU is counted, their wait is not in `elapsedMs` (nor is the host's settling).
   */
  checkPendingAfterMs?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  elapsedMs: number;
  /** Milliseconds per successful call. */
  latencies: number[];
  /** CPU time the process that served the calls spent during the run, in milliseconds, when known. */
  cpuMs?: number;
  /** CPU time the database server's processes spent on the run (PostgreSQL on this machine), when measured. */
  databaseCpuMs?: number;
  /** Status checks made for these refunds (the direct side with `checkPendingAfterMs`). */
  statusChecks?: number;
  firstError?: string;
}

// The direct side of the host comparison: the provider client in a process of its own, driven by `concurrency`
// loops of sequential refund() calls, each with a new refund id and order.
const {
  provider: name,
  credentials,
  endpointUrl,
} = JSON.parse(process.argv[2] ?? '{}') as {
  provider: ProviderName;
  credentials: Record<string, string>;
  endpointUrl: string;
};
const bench = createBenchProvider(name, credentials);
const provider = bench.create(endpointUrl);
let sequence = 0;

async function runLoad(command: LoadCommand): Promise<LoadResult> {
  const latencies: number[] = [];
  const checks: Promise<void>[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const failed = (error: unknown) => {
    errors += 1;
    firstError ??= error instanceof Error ? error.message : String(error);
  };
  const checkLater = async (lookup: RefundLookup, afterMs: number) => {
    await setTimeout(afterMs);
    await provider.getRefund(lookup).catch(failed);
  };
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = started + command.durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const callStarted = performance.now();
      const request = bench.refundRequest(sequence++);
      try {
        const result = await provider.refund(request);
        latencies.push(performance.now() - callStarted);
        if (command.checkPendingAfterMs !== undefined && result.status === 'pending') {
          const { refundId, orderId } = request;
          const lookup = { refundId, orderId, providerRefundId: result.providerRefundId };
          checks.push(checkLater(lookup, command.checkPendingAfterMs));
        }
      } catch (error) {
        failed(error);
      }
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, loop));
  const elapsedMs = performance.now() - started;
  await Promise.all(checks);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    requests: latencies.length,
    errors,
    elapsedMs,
    latencies,
    cpuMs: (cpu.user + cpu.system) / 1000,
    statusChecks: checks.length,
    firstError,
  };
}

process.on('message', (command: LoadCommand) => {
  void runLoad(command).then((result) => process.send?.(result));
});
process.on('disconnect', () => process.exit(0));
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
