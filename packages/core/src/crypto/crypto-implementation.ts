/**
 * The primitives every provider signs with. Two implementations exist, picked at load time through the
 * `#crypto` package import: `node:crypto` on Node (fast, native) and WebCrypto everywhere else (edge runtimes,
 * browsers, Deno, Bun without Node compatibility).
 *
 * String inputs are always encoded as UTF-8; hex output is lowercase.
 */
export interface CryptoImplementation {
  hmacSha256Hex(key: string | Uint8Array, message: string | Uint8Array): Promise<string>;
  hmacSha512Hex(key: string | Uint8Array, message: string | Uint8Array): Promise<string>;
  md5Hex(message: string | Uint8Array): Promise<string>;
  /** RSASSA-PKCS1-v1_5 with SHA-256; resolves to the standard base64 signature. */
  rsaSha256Sign(privateKeyPem: string, message: string | Uint8Array): Promise<string>;
  /** Resolves to false for a wrong or malformed signature; rejects only for a malformed public key. */
  rsaSha256Verify(
    publicKeyPem: string,
    message: string | Uint8Array,
    signatureBase64: string,
  ): Promise<boolean>;
  sha256Hex(message: string | Uint8Array): Promise<string>;
}
