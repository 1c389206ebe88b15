import { md5 } from '@noble/hashes/legacy.js';
import type { CryptoImplementation } from './crypto-implementation';
import { decodeBase64 } from './decode-base64';
import { encodeBase64 } from './encode-base64';
import { encodeHex } from './encode-hex';
import { KeyCache } from './key-cache';
import { MalformedKeyError } from './malformed-key-error';
import { parseKeyPem } from './parse-key-pem';
import { toBytes } from './to-bytes';
import { wrapPkcs1PrivateKey } from './wrap-pkcs1-private-key';
import { wrapPkcs1PublicKey } from './wrap-pkcs1-public-key';

type HmacHash = 'SHA-256' | 'SHA-512';

const rsaAlgorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

// Importing a key is asynchronous and far slower than using one, and the same few keys sign every request.
const hmacKeys: Record<HmacHash, KeyCache<Promise<CryptoKey>>> = {
  'SHA-256': new KeyCache(),
  'SHA-512': new KeyCache(),
};
const privateKeys = new KeyCache<Promise<CryptoKey>>();
const publicKeys = new KeyCache<Promise<CryptoKey>>();

// WebCrypto refuses a zero-length HMAC key, but HMAC pads every key with zero bytes to the block size, so a
// single zero byte produces the same MAC as the empty key.
const emptyHmacKeySubstitute = new Uint8Array(1);

function subtle(): SubtleCrypto {
  // Read at call time so that a runtime which installs `crypto` late (or a test that replaces it) is honoured.
  return globalThis.crypto.subtle;
}

function cachedImport(
  cache: KeyCache<Promise<CryptoKey>>,
  source: string,
  importKey: () => Promise<CryptoKey>,
): Promise<CryptoKey> {
  return cache.getOrCreate(source, () => {
    const imported = importKey();
    // Failures are not cached: a key corrected in configuration must work on the next call.
    imported.catch(() => cache.delete(source, imported));
    return imported;
  });
}

function importHmacKey(key: string | Uint8Array, hash: HmacHash): Promise<CryptoKey> {
  const create = async () => {
    const bytes = toBytes(key);
    const material = bytes.length === 0 ? emptyHmacKeySubstitute : bytes;
    return subtle().importKey('raw', material, { name: 'HMAC', hash }, false, ['sign']);
  };
  // Byte keys are not cached: the caller may mutate the array, and it has no stable identity to key on.
  return typeof key === 'string' ? cachedImport(hmacKeys[hash], key, create) : create();
}

async function hmacHex(
  hash: HmacHash,
  key: string | Uint8Array,
  message: string | Uint8Array,
): Promise<string> {
  const cryptoKey = await importHmacKey(key, hash);
  return encodeHex(new Uint8Array(await subtle().sign('HMAC', cryptoKey, toBytes(message))));
}

function importPrivateKey(pem: string): Promise<CryptoKey> {
  return cachedImport(privateKeys, pem, async () => {
    const { format, der } = parseKeyPem(pem, 'private');
    const pkcs8 = format === 'pkcs1' ? wrapPkcs1PrivateKey(der) : der;
    try {
      return await subtle().importKey('pkcs8', pkcs8, rsaAlgorithm, false, ['sign']);
    } catch (error) {
      throw new MalformedKeyError('private', 'the DER is not a valid RSA key', { cause: error });
    }
  });
}

function importPublicKey(pem: string): Promise<CryptoKey> {
  return cachedImport(publicKeys, pem, async () => {
    const { format, der } = parseKeyPem(pem, 'public');
    const spki = format === 'pkcs1' ? wrapPkcs1PublicKey(der) : der;
    try {
      return await subtle().importKey('spki', spki, rsaAlgorithm, false, ['verify']);
    } catch (error) {
      throw new MalformedKeyError('public', 'the DER is not a valid RSA key', { cause: error });
    }
  });
}

/** The portable implementation: WebCrypto only, plus @noble/hashes for MD5, which WebCrypto does not offer. */
const webCrypto: CryptoImplementation = {
  hmacSha256Hex(key, message) {
    return hmacHex('SHA-256', key, message);
  },

  hmacSha512Hex(key, message) {
    return hmacHex('SHA-512', key, message);
  },

  async md5Hex(message) {
    return encodeHex(md5(toBytes(message)));
  },

  async sha256Hex(message) {
    return encodeHex(new Uint8Array(await subtle().digest('SHA-256', toBytes(message))));
  },

  async rsaSha256Sign(privateKeyPem, message) {
    const key = await importPrivateKey(privateKeyPem);
    return encodeBase64(new Uint8Array(await subtle().sign(rsaAlgorithm.name, key, toBytes(message))));
  },

  async rsaSha256Verify(publicKeyPem, message, signatureBase64) {
    const key = await importPublicKey(publicKeyPem);
    const signature = typeof signatureBase64 === 'string' ? decodeBase64(signatureBase64) : undefined;
    if (signature === undefined) return false;
    try {
      return await subtle().verify(rsaAlgorithm.name, key, signature, toBytes(message));
    } catch {
      return false;
    }
  },
};

export default webCrypto;
