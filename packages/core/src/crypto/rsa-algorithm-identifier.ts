import { derTag, encodeDer } from './encode-der';

const rsaEncryptionObjectIdentifier = new Uint8Array([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]);

/** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }, identical in PKCS#8 and SPKI. */
export const rsaAlgorithmIdentifier: Uint8Array<ArrayBuffer> = encodeDer(
  derTag.sequence,
  encodeDer(derTag.objectIdentifier, rsaEncryptionObjectIdentifier),
  encodeDer(derTag.null),
);
