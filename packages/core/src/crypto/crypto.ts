import platformCrypto from '#crypto';
import type { CryptoImplementation } from './crypto-implementation';

// Each export carries its own type annotation so that the generated declarations name CryptoImplementation
// instead of the internal `#crypto` import, which consumers' TypeScript cannot resolve.

/** Lowercase hex HMAC-SHA256; string key and message are UTF-8 encoded. */
export const hmacSha256Hex: CryptoImplementation['hmacSha256Hex'] = (key, message) =>
  platformCrypto.hmacSha256Hex(key, message);

/** Lowercase hex HMAC-SHA512; string key and message are UTF-8 encoded. */
export const hmacSha512Hex: CryptoImplementation['hmacSha512Hex'] = (key, message) =>
  platformCrypto.hmacSha512Hex(key, message);

/** Lowercase hex MD5; a string is UTF-8 encoded. */
export const md5Hex: CryptoImplementation['md5Hex'] = (message) => platformCrypto.md5Hex(message);

/** Lowercase hex SHA-256; a string is UTF-8 encoded. */
export const sha256Hex: CryptoImplementation['sha256Hex'] = (message) => platformCrypto.sha256Hex(message);

/**
 * Base64 RSASSA-PKCS1-v1_5 SHA-256 signature. Accepts PKCS#8 or PKCS#1 PEM, flattened PEM, or a bare PKCS#8
 * base64 body; rejects with an error naming the expected formats (never the key) when the key is malformed.
 */
export const rsaSha256Sign: CryptoImplementation['rsaSha256Sign'] = (privateKeyPem, message) =>
  platformCrypto.rsaSha256Sign(privateKeyPem, message);

/**
 * Whether a base64 RSASSA-PKCS1-v1_5 SHA-256 signature is valid. Accepts SPKI or PKCS#1 PEM, flattened PEM, or a
 * bare SPKI base64 body. Resolves to false for a wrong or malformed signature; rejects for a malformed key.
 */
export const rsaSha256Verify: CryptoImplementation['rsaSha256Verify'] = (
  publicKeyPem,
  message,
  signatureBase64,
) => platformCrypto.rsaSha256Verify(publicKeyPem, message, signatureBase64);
