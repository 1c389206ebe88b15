import { randomBytes } from 'node:crypto';
import { bech32 } from '@scure/base';

/** A fresh testnet P2WPKH address (bech32, witness v0, 20-byte program): valid, and worth nothing. */
export function randomTestnetAddress(): string {
  return bech32.encode('tb', [0, ...bech32.toWords(randomBytes(20))]);
}
