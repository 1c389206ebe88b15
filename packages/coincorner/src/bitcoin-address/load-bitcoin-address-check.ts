import type { BitcoinAddressCheck } from './parse-bitcoin-address';

let loading: Promise<(address: string) => BitcoinAddressCheck> | undefined;

/**
 * parseBitcoinAddress, loaded on first use. Its checksums need @noble/hashes and @scure/base, about a fifth of
 * what importing this package costs a process start (issue 19); an app pays that on its first refund instead,
 * once, and a process that only imports the package (a plugin host, a CLI) never does.
 */
export function loadBitcoinAddressCheck(): Promise<(address: string) => BitcoinAddressCheck> {
  loading ??= import('./parse-bitcoin-address').then(
    (module) => module.parseBitcoinAddress,
    (error: unknown) => {
      // A failed load is not remembered: the next refund tries again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
