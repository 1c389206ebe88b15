import { describe, expect, it } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import { hmacSha256Hex, hmacSha512Hex, md5Hex, rsaSha256Sign, rsaSha256Verify, sha256Hex } from './crypto';
import * as cryptoModule from './index';

describe('public crypto functions', () => {
  it('delegate to the platform implementation', async () => {
    expect(await hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect((await hmacSha512Hex('Jefe', 'what do ya want for nothing?')).slice(0, 32)).toBe(
      '164b7a7bfcf819e2e395fbe73b56e0a3',
    );
    expect(await md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');

    const { privateKeyPkcs8, publicKeySpki, vectors } = knownAnswers.bonuspay;
    const { body, sign } = vectors[0]!;
    expect(await rsaSha256Sign(privateKeyPkcs8, body)).toBe(sign);
    expect(await rsaSha256Verify(publicKeySpki, body, sign)).toBe(true);
  });

  it('index exposes the public functions and nothing of the implementations', () => {
    expect(Object.keys(cryptoModule).sort()).toEqual([
      'hmacSha256Hex',
      'hmacSha512Hex',
      'md5Hex',
      'randomNonce',
      'rsaSha256Sign',
      'rsaSha256Verify',
      'sha256Hex',
      'timingSafeEqual',
    ]);
  });
});
