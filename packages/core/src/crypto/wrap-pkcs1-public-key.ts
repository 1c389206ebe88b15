import { derTag, encodeDer } from './encode-der';
import { rsaAlgorithmIdentifier } from './rsa-algorithm-identifier';

const noUnusedBits = new Uint8Array([0]);

/**
 * PKCS#1 RSAPublicKey DER to SubjectPublicKeyInfo DER, because WebCrypto imports public keys only as SPKI:
 * SEQUENCE { rsaEncryption AlgorithmIdentifier, BIT STRING { the PKCS#1 key } }.
 */
export function wrapPkcs1PublicKey(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  return encodeDer(derTag.sequence, rsaAlgorithmIdentifier, encodeDer(derTag.bitString, noUnusedBits, pkcs1));
}
