import { bech32, bech32m } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { parseBitcoinAddress } from './parse-bitcoin-address';

// Valid addresses from BIP 173, BIP 350 and well-known base58 examples.
const valid = [
  ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'mainnet', 'p2pkh'],
  ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'mainnet', 'p2sh'],
  ['mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', 'testnet', 'p2pkh'],
  ['2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc', 'testnet', 'p2sh'],
  ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'mainnet', 'p2wpkh'],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'mainnet', 'p2wpkh'],
  ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', 'testnet', 'p2wsh'],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'mainnet', 'p2tr'],
  ['tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c', 'testnet', 'p2tr'],
] as const;

// Each breaks one rule; the expected text is part of the reason a user reads.
const invalid = [
  ['', 'must not be empty'],
  [' 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'spaces'],
  ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3', 'checksum'],
  ['0x52908400098527886E0F7030069857D2E4169EE7', 'checksum'],
  ['LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9', 'version byte 0x30'],
  ['tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', 'neither'],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', 'must use bech32m'],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'must use bech32, not bech32m'],
  // Correct checksum, but a 16-byte witness v0 program, which no script type has.
  [bech32.encode('bc', [0, ...bech32.toWords(new Uint8Array(16))]), '16-byte program'],
  [
    bech32m.encode('bc', [1, ...bech32m.toWords(new Uint8Array(20))]),
    'taproot (v1) address with a 20-byte program',
  ],
  ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7', 'mixed case'],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'bad checksum'],
  ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', 'witness version 2'],
  ['bcrt1q6rhpng9evdsfnn833a4f4vej0asu6dk5srld6x', 'neither'],
] as const;

describe('parseBitcoinAddress', () => {
  it.each(valid)('accepts %s (%s %s)', (address, network, type) => {
    expect(parseBitcoinAddress(address)).toEqual({ valid: true, network, type });
  });

  it.each(invalid)('refuses %j: %s', (address, reason) => {
    const check = parseBitcoinAddress(address);
    expect(check.valid).toBe(false);
    expect(check.valid ? '' : check.problem).toContain(reason);
  });
});
