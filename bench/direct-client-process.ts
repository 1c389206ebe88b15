import { createBenchProvider } from './bench-providers';
import type { ProviderName } from './workspace-paths';

export interface LoadCommand {
  concurrency: number;
  durationMs: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  elapsedMs: number;
  /** Milliseconds per successful call. */
  latencies: number[];
  /** CPU time the process that served the calls spent during the run, in milliseconds, when known. */
  cpuMs?: number;
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
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = started + command.durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const callStarted = performance.now();
      try {
        await provider.refund(bench.refundRequest(sequence++));
        latencies.push(performance.now() - callStarted);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, loop));
  const cpu = process.cpuUsage(cpuBefore);
  return {
    requests: latencies.length,
    errors,
    elapsedMs: performance.now() - started,
    latencies,
    cpuMs: (cpu.user + cpu.system) / 1000,
    firstError,
  };
}

process.on('message', (command: LoadCommand) => {
  void runLoad(command).then((result) => process.send?.(result));
});
process.on('disconnect', () => process.exit(0));
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
