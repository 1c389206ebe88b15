import type { RefundPlugin } from './refund-plugin';

/** Builds a plugin, checking at the type level that its secret settings are real settings. */
export function definePlugin<Settings extends Record<string, unknown>>(
  plugin: Omit<RefundPlugin<Settings>, 'specificationVersion'>,
): RefundPlugin<Settings> {
  return Object.freeze({ specificationVersion: 'refunds-v1', ...plugin });
}
