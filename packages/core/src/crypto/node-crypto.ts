import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import type { CryptoImplementation } from './crypto-implementation';
import { decodeBase64 } from './decode-base64';
import { KeyCache } from './key-cache';
import { MalformedKeyError } from './malformed-key-error';
import { parseKeyPem } from './parse-key-pem';

// Parsing a PEM costs far more than signing with an already parsed key, and the same few keys sign every request.
const privateKeys = new KeyCache<KeyObject>();
const publicKeys = new KeyCache<KeyObject>();

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toMessageBytes(message: string | Uint8Array): Uint8Array {
  return typeof message === 'string' ? Buffer.from(message, 'utf8') : message;
}

function requireRsa(key: KeyObject, kind: 'private' | 'public'): KeyObject {
  // An EC or RSA-PSS key would parse and then sign with a different algorithm than the provider expects.
  if (key.asymmetricKeyType !== 'rsa') throw new MalformedKeyError(kind, 'not an RSA key');
  return key;
}

function loadPrivateKey(pem: string): KeyObject {
  return privateKeys.getOrCreate(pem, () => {
    const { format, der } = parseKeyPem(pem, 'private');
    try {
      return requireRsa(createPrivateKey({ key: toBuffer(der), format: 'der', type: format }), 'private');
    } catch (error) {
      if (error instanceof MalformedKeyError) throw error;
      throw new MalformedKeyError('private', 'the DER is not a valid key', { cause: error });
    }
  });
}

function loadPublicKey(pem: string): KeyObject {
  return publicKeys.getOrCreate(pem, () => {
    const { format, der } = parseKeyPem(pem, 'public');
    try {
      return requireRsa(createPublicKey({ key: toBuffer(der), format: 'der', type: format }), 'public');
    } catch (error) {
      if (error instanceof MalformedKeyError) throw error;
      throw new MalformedKeyError('public', 'the DER is not a valid key', { cause: error });
    }
  });
}

/** The `node:crypto` implementation: native hashing and KeyObjects parsed once per PEM. */
const nodeCrypto: CryptoImplementation = {
  async hmacSha256Hex(key, message) {
    return createHmac('sha256', key).update(message).digest('hex');
  },

  async hmacSha512Hex(key, message) {
    return createHmac('sha512', key).update(message).digest('hex');
  },

  async md5Hex(message) {
    return createHash('md5').update(message).digest('hex');
  },

  async sha256Hex(message) {
    return createHash('sha256').update(message).digest('hex');
  },

  async rsaSha256Sign(privateKeyPem, message) {
    return sign('sha256', toMessageBytes(message), loadPrivateKey(privateKeyPem)).toString('base64');
  },

  async rsaSha256Verify(publicKeyPem, message, signatureBase64) {
    const key = loadPublicKey(publicKeyPem);
    // Buffer.from skips characters outside the alphabet, which would let a corrupted signature decode to
    // something else; the shared strict decoder also keeps both implementations answering alike.
    const signature = typeof signatureBase64 === 'string' ? decodeBase64(signatureBase64) : undefined;
    if (signature === undefined) return false;
    try {
      return verify('sha256', toMessageBytes(message), key, signature);
    } catch {
      return false;
    }
  },
};

export default nodeCrypto;
