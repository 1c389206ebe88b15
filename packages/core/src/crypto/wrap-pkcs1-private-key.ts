import { derTag, encodeDer } from './encode-der';
import { rsaAlgorithmIdentifier } from './rsa-algorithm-identifier';

const version0 = new Uint8Array([0]);

/**
 * PKCS#1 RSAPrivateKey DER to PKCS#8 PrivateKeyInfo DER, because WebCrypto imports private keys only as PKCS#8:
 * SEQUENCE { INTEGER 0, rsaEncryption AlgorithmIdentifier, OCTET STRING { the PKCS#1 key } }.
 */
export function wrapPkcs1PrivateKey(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  return encodeDer(
    derTag.sequence,
    encodeDer(derTag.integer, version0),
    rsaAlgorithmIdentifier,
    encodeDer(derTag.octetString, pkcs1),
  );
}
