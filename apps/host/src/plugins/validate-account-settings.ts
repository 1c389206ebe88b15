import type { RefundPlugin } from '@refunds/core';
import * as v from 'valibot';
import { describeValibotIssue } from '../config/describe-valibot-issue';

export interface SettingsProblem {
  /** Where the operator fixes it: `settings.<path>` or `secrets.<name>`. */
  field?: string;
  message: string;
}

/**
 * Validates an account's merged settings with the plugin's own schema, locating every issue in the config
 * file with `locate` (does the operator fix this key under `settings` or under `secrets`).
 */
export function validateAccountSettings(
  plugin: RefundPlugin,
  settings: Record<string, unknown>,
  locate: (key: string) => 'settings' | 'secrets',
): { settings: Record<string, unknown> } | { problems: SettingsProblem[] } {
  const secretSettings: readonly string[] = plugin.secretSettings;
  // A value read through a secret reference is treated as secret even when the plugin does not list it.
  const isSecret = (key: string): boolean => locate(key) === 'secrets' || secretSettings.includes(key);
  const problems: SettingsProblem[] = unknownSettings(plugin, settings).map((key) => ({
    field: `${locate(key)}.${key}`,
    message: describeUnknownSetting(plugin, key),
  }));
  const result = v.safeParse(plugin.settingsSchema, settings);
  if (!result.success) {
    for (const issue of result.issues) {
      const keys = (issue.path ?? []).map((item) => String(item.key));
      const [key] = keys;
      if (key === undefined) {
        problems.push({ message: describeValibotIssue(issue, { secret: true }) });
        continue;
      }
      const topLevelKey = keys.length === 1 && issue.path?.at(-1)?.origin === 'key';
      let message: string;
      if (topLevelKey && issue.expected === 'never') message = describeUnknownSetting(plugin, key);
      else if (topLevelKey && issue.input === undefined)
        message = describeMissingSetting(key, secretSettings);
      else message = describeValibotIssue(issue, { secret: isSecret(key) });
      problems.push({ field: `${locate(key)}.${keys.join('.')}`, message });
    }
  }
  if (problems.length > 0 || !result.success) return { problems };
  return { settings: result.output };
}

function describeMissingSetting(key: string, secretSettings: readonly string[]): string {
  if (!secretSettings.includes(key)) return `setting \`${key}\` is required`;
  return `secret \`${key}\` is required; add "secrets": { "${key}": { "env": "VARIABLE_NAME" } }`;
}

// A plain valibot `object` drops keys it does not know, so a misspelt setting would vanish silently and the
// provider would fall back to a default or an environment variable instead.
function unknownSettings(plugin: RefundPlugin, settings: Record<string, unknown>): string[] {
  const schema = plugin.settingsSchema as { type?: unknown; entries?: unknown };
  if (schema.type !== 'object' || typeof schema.entries !== 'object' || schema.entries === null) return [];
  const entries = schema.entries;
  return Object.keys(settings).filter((key) => !Object.hasOwn(entries, key));
}

function describeUnknownSetting(plugin: RefundPlugin, key: string): string {
  return `unknown setting \`${key}\` for ${plugin.id}; its settings are ${knownSettings(plugin).join(', ')}`;
}

function knownSettings(plugin: RefundPlugin): string[] {
  const entries = (plugin.settingsSchema as { entries?: object }).entries;
  return entries === undefined ? [] : Object.keys(entries);
}
