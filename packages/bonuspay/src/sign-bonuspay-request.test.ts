import { createHash, createPrivateKey } from 'node:crypto';
import { RefundError } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { testKeys, vector } from './__fixtures__/known-answers';
import { signBonusPayRequest } from './sign-bonuspay-request';

describe('signBonusPayRequest (reference B8 known answers)', () => {
  it('reproduces V1, the placeOrder request, over its exact 385 bytes', async () => {
    const { body, sign } = vector('V1');
    expect(Buffer.byteLength(body, 'utf8')).toBe(385);
    expect(createHash('sha256').update(body).digest('hex')).toBe(
      '1fe8b91499ea1c4d12f4f0355a7932e408603a9a3e4296be6c596bb524c2a81a',
    );
    expect(await signBonusPayRequest(body, testKeys.privateKey)).toBe(sign);
  });

  it('reproduces V2, the getOrder request', async () => {
    const { body, sign } = vector('V2');
    expect(Buffer.byteLength(body, 'utf8')).toBe(86);
    expect(await signBonusPayRequest(body, testKeys.privateKey)).toBe(sign);
  });

  it('signs the same with the key as PKCS#1 (BEGIN RSA PRIVATE KEY) and as bytes', async () => {
    const { body, sign } = vector('V1');
    const pkcs1 = createPrivateKey(testKeys.privateKey).export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY');
    expect(await signBonusPayRequest(body, pkcs1)).toBe(sign);
    expect(await signBonusPayRequest(new TextEncoder().encode(body), testKeys.privateKey)).toBe(sign);
  });

  it('changes with a single byte of the body, so the bytes sent must be the bytes signed', async () => {
    const { body, sign } = vector('V1');
    expect(
      await signBonusPayRequest(body.replace('"amount":1.5', '"amount":1.50'), testKeys.privateKey),
    ).not.toBe(sign);
  });

  it('refuses an unusable key before anything is sent, without quoting it', async () => {
    const broken = testKeys.privateKey.replace(
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcx',
    );
    const error = await signBonusPayRequest('{}', broken.slice(0, 200)).catch((caught: unknown) => caught);
    expect(RefundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'privateKey' });
    expect((error as RefundError).message).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKc');
  });
});
