import { timingSafeEqual } from '@refunds/core';

/**
 * What a key may do. `viewer` reads; `service` is what a shop's back end needs (read, create, sync);
 * `operator` also decides refunds a person must look at (resolve, resend) and redelivers webhooks.
 */
export type ApiKeyRole = 'service' | 'operator' | 'viewer';

/** One configured API key. The name, never the secret, is what the ledger records as the actor. */
export interface NamedApiKey {
  name: string;
  secret: string;
  role: ApiKeyRole;
}

export type ApiKeyAction = 'read' | 'create' | 'sync' | 'resolve' | 'resend' | 'redeliver';

export const apiKeyRoles: readonly ApiKeyRole[] = ['viewer', 'service', 'operator'];

/** Shorter keys are refused at start: a key is the only thing standing between the internet and refunds. */
export const minimumApiKeyLength = 24;

const permissions: Record<ApiKeyRole, readonly ApiKeyAction[]> = {
  viewer: ['read'],
  service: ['read', 'create', 'sync'],
  operator: ['read', 'create', 'sync', 'resolve', 'resend', 'redeliver'],
};

export function allows(role: ApiKeyRole, action: ApiKeyAction): boolean {
  return permissions[role].includes(action);
}

/** The least role that may do `action`, for a 403 that says what is needed. */
export function roleNeededFor(action: ApiKeyAction): ApiKeyRole {
  return apiKeyRoles.find((role) => allows(role, action)) ?? 'operator';
}

/**
 * The key whose secret is `presented`, compared in constant time against every configured key so that neither
 * a secret nor its position in the list can be learned from timing.
 */
export function findApiKey(keys: readonly NamedApiKey[], presented: string): NamedApiKey | undefined {
  let found: NamedApiKey | undefined;
  for (const key of keys) {
    if (timingSafeEqual(presented, key.secret) && found === undefined) found = key;
  }
  return presented === '' ? undefined : found;
}

/**
 * Keys as `HostOptions.apiKeys` takes them: a bare string is a key of `REFUNDS_API_KEYS`' kind, named by its
 * position (`key-1`, `key-2`, ...) and allowed everything, as such keys always were.
 */
export function toNamedApiKeys(keys: readonly (string | NamedApiKey)[]): NamedApiKey[] {
  let position = 0;
  return keys.map((key) => {
    if (typeof key !== 'string') return key;
    position += 1;
    return { name: `key-${position}`, secret: key, role: 'operator' };
  });
}

/** Every problem with a set of keys, for a start-up error; a problem names the key, never its secret. */
export function apiKeyProblems(keys: readonly NamedApiKey[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const key of keys) {
    if (key.secret.length < minimumApiKeyLength) {
      problems.push(
        `API key ${key.name} is ${key.secret.length} characters; use at least ${minimumApiKeyLength} (e.g. \`openssl rand -hex 24\`)`,
      );
    }
    if (names.has(key.name)) problems.push(`API key name ${key.name} is used twice`);
    names.add(key.name);
    if (!apiKeyRoles.includes(key.role))
      problems.push(`API key ${key.name} has role ${String(key.role)}; use ${apiKeyRoles.join(', ')}`);
  }
  return problems;
}
