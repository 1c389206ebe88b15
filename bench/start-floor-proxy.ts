import { join } from 'node:path';
import type { HostTarget } from './drive-host';
import type { FloorRows } from './open-floor-ledger';
import { processCpuMs } from './process-cpu-ms';
import { startChildProcess } from './start-child-process';
import type { ProviderName } from './workspace-paths';

export interface FloorProxy extends HostTarget {
  name: string;
  /** Status checks scheduled and not yet written. */
  unsettled(): Promise<number>;
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

/** The floor proxy (floor-proxy-process.ts) in a process of its own, on SQLite in `directory` or on PostgreSQL. */
export async function startFloorProxy(options: {
  provider: ProviderName;
  credentials: Record<string, string>;
  endpointUrl: string;
  statusCheckAfterMs: number;
  rows: FloorRows;
  directory: string;
  databaseUrl?: string;
}): Promise<FloorProxy> {
  const started = await startChildProcess<{ url: string }>('./floor-proxy-process.ts', {
    args: [
      JSON.stringify({
        provider: options.provider,
        credentials: options.credentials,
        endpointUrl: options.endpointUrl,
        statusCheckAfterMs: options.statusCheckAfterMs,
        rows: options.rows,
        sqlitePath: join(options.directory, `floor-${options.rows}.sqlite`),
        postgresUrl: options.databaseUrl,
      }),
    ],
  });
  const { url } = started.ready;
  return {
    url,
    // The driver sends these; the floor reads neither.
    account: 'floor',
    apiKeys: ['floor'],
    name: options.rows === 'one' ? 'the floor proxy' : 'the design floor proxy',
    async unsettled() {
      const answer = (await (await fetch(`${url}/pending`)).json()) as {
        pending: number;
        failed: number;
        first?: string;
      };
      if (answer.failed > 0) {
        throw new Error(
          `${answer.failed} status checks of the floor proxy failed, the first: ${answer.first}`,
        );
      }
      return answer.pending;
    },
    cpuMs: () => processCpuMs(started.child.pid),
    stop: () => started.stop(),
  };
}
