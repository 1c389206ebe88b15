import { randomInt } from 'node:crypto';

const base58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const bech32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const hex = '0123456789abcdef';

const pick = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

/** The chain a demo payment of each asset was made on. */
export const sandboxDefaultChains: Readonly<Record<string, string>> = {
  USDT: 'TRON',
  USDC: 'POLYGON',
  ETH: 'ETH',
  BTC: 'BTC',
};

/** A random, well-formed test-network address of the payer on that chain (never a real wallet). */
export function randomSandboxAddress(chainCode: string): string {
  if (chainCode === 'TRON') return 'T' + pick(base58, 33);
  if (chainCode === 'BTC') return 'tb1q' + pick(bech32, 38);
  return '0x' + pick(hex, 40);
}
