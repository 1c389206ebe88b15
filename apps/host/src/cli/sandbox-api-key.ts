import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where sandbox mode keeps its key inside its data folder. */
export const sandboxApiKeyFileName = 'api-key';

/** `sk_sandbox_` and 32 random bytes in base64url: 43 characters nobody will guess. */
const sandboxApiKeyPattern = /^sk_sandbox_[A-Za-z0-9_-]{32,}$/;

/**
 * The sandbox's own API key, created once and kept in its data folder (owner-only), so a restarted sandbox
 * answers the key its user already pasted into scripts. It is never taken from `REFUNDS_API_KEYS`: a
 * production key must not open, nor be printed by, a host that anyone may run on a laptop.
 */
export function readSandboxApiKey(dataDirectory: string): { apiKey: string; path: string; created: boolean } {
  const path = join(dataDirectory, sandboxApiKeyFileName);
  mkdirSync(dataDirectory, { recursive: true, mode: 0o700 });
  const apiKey = `sk_sandbox_${randomBytes(32).toString('base64url')}`;
  try {
    // `wx`: two sandboxes started at once on one folder must not each write a key and keep the other's.
    writeFileSync(path, `${apiKey}\n`, { flag: 'wx', mode: 0o600 });
    return { apiKey, path, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = readFileSync(path, 'utf8').trim();
  if (!sandboxApiKeyPattern.test(stored)) {
    throw new Error(
      `${path} does not hold a sandbox API key (sk_sandbox_ and at least 32 random characters); ` +
        'delete it to have a new one created.',
    );
  }
  // A key file copied in with looser permissions is narrowed again: the key opens this host.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return { apiKey: stored, path, created: false };
}
