import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import { wrapPkcs1PrivateKey } from './wrap-pkcs1-private-key';

describe('wrapPkcs1PrivateKey', () => {
  it.each([
    ['the BonusPay test key (2048 bits)', createPrivateKey(knownAnswers.bonuspay.privateKeyPkcs8)],
    ['a 1024-bit key (short DER lengths)', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey],
    ['a 4096-bit key', generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey],
  ])('produces exactly the PKCS#8 DER OpenSSL exports for %s', (_, key) => {
    const pkcs1 = new Uint8Array(key.export({ type: 'pkcs1', format: 'der' }));
    const pkcs8 = new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
    expect(wrapPkcs1PrivateKey(pkcs1)).toEqual(pkcs8);
  });
});
