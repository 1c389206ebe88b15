import { readFile } from 'node:fs/promises';
import { apiKeyProblems, type NamedApiKey, toNamedApiKeys } from '../http/api-keys';
import { resolveSecret } from '../plugins/resolve-secret';
import type { HostConfig } from './host-config';
import { HostConfigError, type HostConfigProblem } from './host-config-error';

export interface ResolveApiKeysOptions {
  /** Keys given in code or by `REFUNDS_API_KEYS`: a bare string may do everything and is named `key-<n>`. */
  keys: readonly (string | NamedApiKey)[];
  environment: Readonly<Record<string, string | undefined>>;
  readFile?: (path: string) => Promise<string>;
}

/**
 * Every API key the host accepts: those given in code, then the config's named keys with their secrets read
 * from the environment or files. Refuses to start (one `HostConfigError` listing every problem, naming keys,
 * never secrets) on a missing secret, a key shorter than the minimum, or two keys with one name or secret.
 */
export async function resolveApiKeys(
  config: HostConfig,
  options: ResolveApiKeysOptions,
): Promise<NamedApiKey[]> {
  const problems: HostConfigProblem[] = [];
  const keys = toNamedApiKeys(options.keys);
  for (const [index, entry] of (config.apiKeys ?? []).entries()) {
    const resolved = await resolveSecret(entry.secret, {
      accountId: entry.name,
      settingName: 'secret',
      environment: options.environment,
      readFile: options.readFile ?? ((path) => readFile(path, 'utf8')),
    });
    if ('problem' in resolved) {
      problems.push({
        field: `apiKeys.${index}.secret`,
        message: `API key ${entry.name}: ${resolved.where}`,
      });
      continue;
    }
    keys.push({ name: entry.name, role: entry.role, secret: resolved.value });
  }
  for (const message of apiKeyProblems(keys)) problems.push({ field: 'apiKeys', message });
  if (new Set(keys.map((key) => key.secret)).size !== keys.length) {
    problems.push({
      field: 'apiKeys',
      message: 'two API keys share one secret: each key must be its own, or the ledger cannot say who acted',
    });
  }
  if (problems.length > 0) throw new HostConfigError(problems);
  return keys;
}
