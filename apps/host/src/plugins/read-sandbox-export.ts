import type { RefundSandboxPlugin } from '@refunds/core';
import { readDefaultExport } from './read-default-export';

/** The sandbox plugin a provider's `./sandbox` entry default-exports. */
export function readSandboxExport(
  specifier: string,
  namespace: unknown,
): { sandbox: RefundSandboxPlugin } | { problem: string } {
  const result = readDefaultExport(specifier, namespace);
  if ('problem' in result) return result;
  const candidate = result.value;
  if (typeof candidate.id !== 'string' || typeof candidate.start !== 'function') {
    return {
      problem: `the default export of ${specifier} is not a complete refunds-v1 sandbox plugin: it needs id (a string) and start (a function)`,
    };
  }
  return { sandbox: candidate as unknown as RefundSandboxPlugin };
}
