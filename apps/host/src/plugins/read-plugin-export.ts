import type { RefundPlugin } from '@refunds/core';
import { readDefaultExport } from './read-default-export';

/** The plugin a provider package default-exports, checked for the parts the host relies on. */
export function readPluginExport(
  packageName: string,
  namespace: unknown,
): { plugin: RefundPlugin } | { problem: string } {
  const result = readDefaultExport(packageName, namespace);
  if ('problem' in result) return result;
  const candidate = result.value;
  const missing: string[] = [];
  if (typeof candidate.id !== 'string' || candidate.id === '') missing.push('id (a string)');
  const schema = candidate.settingsSchema;
  // The host validates with valibot, so the schema must be one (`~run` is what valibot's parse calls).
  if (
    typeof schema !== 'object' ||
    schema === null ||
    typeof (schema as { '~run'?: unknown })['~run'] !== 'function'
  ) {
    missing.push('settingsSchema (a valibot schema)');
  }
  const secretSettings = candidate.secretSettings;
  if (!Array.isArray(secretSettings) || !secretSettings.every((name) => typeof name === 'string')) {
    missing.push('secretSettings (a list of setting names)');
  }
  if (typeof candidate.create !== 'function') missing.push('create (a function)');
  if (missing.length > 0) {
    return {
      problem: `the default export of ${packageName} is not a complete refunds-v1 plugin: missing or invalid ${missing.join(', ')}`,
    };
  }
  return { plugin: candidate as unknown as RefundPlugin };
}
