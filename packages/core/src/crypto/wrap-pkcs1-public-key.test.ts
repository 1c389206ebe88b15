import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import { wrapPkcs1PublicKey } from './wrap-pkcs1-public-key';

describe('wrapPkcs1PublicKey', () => {
  it.each([
    ['the BonusPay test key (2048 bits)', createPublicKey(knownAnswers.bonuspay.publicKeySpki)],
    ['a 1024-bit key', generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey],
    ['a 4096-bit key', generateKeyPairSync('rsa', { modulusLength: 4096 }).publicKey],
  ])('produces exactly the SPKI DER OpenSSL exports for %s', (_, key) => {
    const pkcs1 = new Uint8Array(key.export({ type: 'pkcs1', format: 'der' }));
    const spki = new Uint8Array(key.export({ type: 'spki', format: 'der' }));
    expect(wrapPkcs1PublicKey(pkcs1)).toEqual(spki);
  });
});
