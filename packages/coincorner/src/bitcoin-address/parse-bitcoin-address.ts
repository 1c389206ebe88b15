import { sha256 } from '@noble/hashes/sha2';
import { bech32, bech32m, createBase58check } from '@scure/base';

export type BitcoinNetwork = 'mainnet' | 'testnet';
export type BitcoinAddressType = 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr';

export type BitcoinAddressCheck =
  | { valid: true; network: BitcoinNetwork; type: BitcoinAddressType }
  | { valid: false; problem: string };

const base58check = createBase58check(sha256);
const segwitPrefixes: Readonly<Record<BitcoinNetwork, string>> = { mainnet: 'bc', testnet: 'tb' };

const base58Versions: Readonly<Record<number, [BitcoinNetwork, BitcoinAddressType]>> = {
  0: ['mainnet', 'p2pkh'],
  5: ['mainnet', 'p2sh'],
  111: ['testnet', 'p2pkh'],
  196: ['testnet', 'p2sh'],
};

/**
 * Whether text is a Bitcoin address money can safely be sent to: base58check P2PKH/P2SH, or segwit v0 (bech32,
 * BIP 173) and v1 taproot (bech32m, BIP 350), on mainnet or testnet. Checksums are verified, so a mistyped
 * character is caught. Witness versions 2 to 16 are refused: they are valid text but not yet spendable safely.
 */
export function parseBitcoinAddress(address: string): BitcoinAddressCheck {
  if (address.trim() !== address || address === '') return invalid('must not be empty or contain spaces');
  const lower = address.toLowerCase();
  if (lower.startsWith(`${segwitPrefixes.mainnet}1`)) return parseSegwit(address, 'mainnet');
  if (lower.startsWith(`${segwitPrefixes.testnet}1`)) return parseSegwit(address, 'testnet');
  return parseBase58(address);
}

function parseBase58(address: string): BitcoinAddressCheck {
  let payload: Uint8Array;
  try {
    payload = base58check.decode(address);
  } catch {
    return invalid(
      'is neither a base58check nor a bech32 Bitcoin address (a character or the checksum is wrong)',
    );
  }
  const version = payload[0];
  if (payload.length !== 21 || version === undefined) {
    return invalid(`decodes to ${payload.length} bytes, but a Bitcoin address holds 21`);
  }
  const kind = base58Versions[version];
  if (!kind)
    return invalid(
      `has version byte 0x${version.toString(16).padStart(2, '0')}, which is not a Bitcoin address`,
    );
  return { valid: true, network: kind[0], type: kind[1] };
}

function parseSegwit(address: string, network: BitcoinNetwork): BitcoinAddressCheck {
  const asBech32 = bech32.decodeUnsafe(address);
  const decoded = asBech32 ?? bech32m.decodeUnsafe(address);
  if (!decoded)
    return invalid('is not valid bech32 or bech32m (mixed case, a wrong character, or a bad checksum)');
  if (decoded.prefix !== segwitPrefixes[network])
    return invalid(`has the prefix "${decoded.prefix}", not "${segwitPrefixes[network]}"`);
  const [version, ...data] = decoded.words;
  const program = bech32.fromWordsUnsafe(data);
  if (version === undefined || !program) return invalid('has a malformed witness program');
  if (version === 0) {
    if (!asBech32) return invalid('is witness version 0, which must use bech32, not bech32m');
    if (program.length === 20) return { valid: true, network, type: 'p2wpkh' };
    if (program.length === 32) return { valid: true, network, type: 'p2wsh' };
    return invalid(`is witness version 0 with a ${program.length}-byte program; only 20 or 32 bytes exist`);
  }
  if (asBech32) return invalid(`is witness version ${version}, which must use bech32m, not bech32`);
  if (version === 1 && program.length === 32) return { valid: true, network, type: 'p2tr' };
  if (version === 1)
    return invalid(`is a taproot (v1) address with a ${program.length}-byte program instead of 32`);
  return invalid(`is witness version ${version}, which no Bitcoin wallet can spend safely yet`);
}

function invalid(problem: string): BitcoinAddressCheck {
  return { valid: false, problem };
}
