import { type StartedChild, startChildProcess } from './start-child-process';
import type { ProviderName } from './workspace-paths';

export type CannedEndpoint = StartedChild<{ url: string }>;

/** The provider's loopback endpoint, in a process of its own. */
export function startCannedEndpoint(
  provider: ProviderName,
  credentials: Record<string, string>,
): Promise<CannedEndpoint> {
  return startChildProcess<{ url: string }>('./canned-provider-server.ts', {
    args: [JSON.stringify({ provider, credentials })],
  });
}
