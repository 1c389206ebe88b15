import { generateKeyPair } from 'node:crypto';

export interface SandboxKeyPair {
  /** PKCS#8 PEM. */
  privateKey: string;
  /** SPKI PEM. */
  publicKey: string;
}

export interface SandboxKeyPairs {
  merchant: SandboxKeyPair;
  platform: SandboxKeyPair;
}

/**
 * Two fresh RSA-2048 pairs per sandbox: the merchant's (whose private key goes to the adapter and whose public
 * key the sandbox verifies requests with, as if uploaded to the portal) and the platform's (which signs every
 * answer and notification). Generated at start, so no key is ever real or reused across runs.
 */
export async function generateSandboxKeyPairs(): Promise<SandboxKeyPairs> {
  const [merchant, platform] = await Promise.all([generateRsaKeyPair(), generateRsaKeyPair()]);
  return { merchant, platform };
}

function generateRsaKeyPair(): Promise<SandboxKeyPair> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (error, publicKey, privateKey) => (error ? reject(error) : resolve({ privateKey, publicKey })),
    );
  });
}
