import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
export const hostDirectory = join(repositoryRoot, 'apps', 'host');
export const hostCli = join(hostDirectory, 'dist', 'cli.js');
export const reportPath = join(repositoryRoot, 'docs', 'benchmarks.md');

/**
 * The bench is not a workspace package, so bare specifiers are resolved from the host, which depends on every
 * provider: the same node_modules an application running the host would load them from.
 */
export const requireFromHost = createRequire(join(hostDirectory, 'package.json'));

export const providerNames = ['gatepay', 'iotpay', 'bonuspay', 'coincorner'] as const;
export type ProviderName = (typeof providerNames)[number];

export function packageDirectory(name: ProviderName | 'core'): string {
  return join(repositoryRoot, 'packages', name);
}
