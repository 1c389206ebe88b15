import type { LoadCommand, LoadResult } from './direct-client-process';
import { startChildProcess } from './start-child-process';
import type { ProviderName } from './workspace-paths';

export interface DirectClient {
  run(command: LoadCommand): Promise<LoadResult>;
  stop(): Promise<void>;
}

/** A process that calls the provider client directly, `concurrency` calls at a time, on command. */
export async function startDirectClient(
  provider: ProviderName,
  credentials: Record<string, string>,
  endpointUrl: string,
): Promise<DirectClient> {
  const started = await startChildProcess<{ ready: true }>('./direct-client-process.ts', {
    args: [JSON.stringify({ provider, credentials, endpointUrl })],
  });
  return {
    run: (command) =>
      new Promise<LoadResult>((resolve, reject) => {
        const onExit = () => reject(new Error(`the direct client exited:\n${started.output()}`));
        started.child.once('exit', onExit);
        started.child.once('message', (result: LoadResult) => {
          started.child.off('exit', onExit);
          resolve(result);
        });
        started.child.send(command);
      }),
    stop: () => started.stop(),
  };
}
