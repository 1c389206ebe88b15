import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import { signGatePayRequest } from './sign-gatepay-request';

describe('signGatePayRequest', () => {
  it.each(knownAnswers.vectors)('reproduces known answer $name', async (vector) => {
    const signature = await signGatePayRequest(vector);
    expect(signature).toBe(vector.signature);
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
  });

  it('signs the body bytes as given, so a UTF-8 string and its bytes sign alike', async () => {
    const vector = knownAnswers.vectors.find((candidate) => candidate.name === 'GP-4')!;
    const bytes = new TextEncoder().encode(vector.body);
    expect(await signGatePayRequest({ ...vector, body: bytes })).toBe(vector.signature);
  });

  it('signs non-ASCII bodies as UTF-8, like GatePay SDKs do', async () => {
    const body = '{"refundReason":"remboursé – 退款"}';
    const expected = createHmac('sha512', 'k').update(`1\n2\n${body}\n`, 'utf8').digest('hex');
    expect(await signGatePayRequest({ secretKey: 'k', timestamp: '1', nonce: '2', body })).toBe(expected);
  });

  it('is HMAC-SHA512: the "HMAC-SHA256" label of the docs does not reproduce the published vector GP-1', () => {
    const vector = knownAnswers.vectors.find((candidate) => candidate.name === 'GP-1')!;
    const payload = `${vector.timestamp}\n${vector.nonce}\n${vector.body}\n`;
    expect(createHmac('sha256', vector.secretKey).update(payload).digest('hex')).not.toBe(vector.signature);
    expect(createHmac('sha512', vector.secretKey).update(payload).digest('hex')).toBe(vector.signature);
  });
});
