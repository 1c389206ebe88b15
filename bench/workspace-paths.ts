import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
export const benchDirectory = fileURLToPath(new URL('.', import.meta.url));
export const hostDirectory = join(repositoryRoot, 'apps', 'host');
export const hostCli = join(hostDirectory, 'dist', 'cli.js');
export const reportPath = join(repositoryRoot, 'docs', 'benchmarks.md');

/**
 * CommonJS dependencies (better-sqlite3, pg) by name, from the bench's own dependencies: pnpm links the same
 * versions the host loads.
 */
export const requireDependency = createRequire(import.meta.url);

export const providerNames = ['gatepay', 'iotpay', 'bonuspay', 'coincorner'] as const;
export type ProviderName = (typeof providerNames)[number];

export function packageDirectory(name: ProviderName | 'core'): string {
  return join(repositoryRoot, 'packages', name);
}
