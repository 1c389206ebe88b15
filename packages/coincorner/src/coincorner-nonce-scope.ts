import { type NonceSource, type PluginContext, sha256Hex } from '@refunds/core';

/**
 * The name of an API key's nonce sequence in a host's shared nonce store: `coincorner:` and the first 16 hex
 * digits of the SHA-256 of the lower-cased key. It tells keys apart without revealing them (a 64-bit prefix of
 * a hash of a random GUID cannot be turned back into the GUID).
 */
export async function coincornerNonceScope(apiKey: string): Promise<string> {
  return `coincorner:${(await sha256Hex(apiKey.toLowerCase())).slice(0, 16)}`;
}

/**
 * The host's nonce source for this account's API key. The key is read at the first nonce (it may come from the
 * environment, which `create` does not read yet), so the scope is found then and kept.
 */
export function hostNonceSource(
  nonceSourceFor: NonNullable<PluginContext['nonceSource']>,
  apiKey: () => string,
): NonceSource {
  let source: Promise<NonceSource> | undefined;
  return {
    async next(floor) {
      source ??= coincornerNonceScope(apiKey()).then((scope) => nonceSourceFor(scope));
      try {
        return await (await source).next(floor);
      } catch (error) {
        // A failure to find the source is not kept: the next call looks again.
        source = undefined;
        throw error;
      }
    },
  };
}
