import { describe, expect, it } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import { verifyGatePaySignature } from './verify-gatepay-signature';

const vector = (name: string) => knownAnswers.vectors.find((candidate) => candidate.name === name)!;

describe('verifyGatePaySignature', () => {
  it.each(knownAnswers.vectors)('accepts known answer $name', async (known) => {
    expect(await verifyGatePaySignature(known)).toBe(true);
  });

  it('accepts an upper-case signature (hex case carries no information)', async () => {
    const known = vector('GP-6');
    expect(await verifyGatePaySignature({ ...known, signature: known.signature.toUpperCase() })).toBe(true);
  });

  it('refuses the Go-SDK-style body with a trailing newline under the plain body signature (GP-4 vs GP-5)', async () => {
    expect(await verifyGatePaySignature({ ...vector('GP-5'), signature: vector('GP-4').signature })).toBe(
      false,
    );
    expect(await verifyGatePaySignature({ ...vector('GP-4'), signature: vector('GP-5').signature })).toBe(
      false,
    );
  });

  it('refuses a body changed by one character', async () => {
    const known = vector('GP-4');
    expect(await verifyGatePaySignature({ ...known, body: known.body.replace('0.8', '0.9') })).toBe(false);
  });

  it('refuses a different secret, timestamp or nonce', async () => {
    const known = vector('GP-3');
    expect(await verifyGatePaySignature({ ...known, secretKey: 'test-secret-kex' })).toBe(false);
    expect(await verifyGatePaySignature({ ...known, timestamp: '1672905655499' })).toBe(false);
    expect(await verifyGatePaySignature({ ...known, nonce: '3525756761' })).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['truncated to 64 characters (an HMAC-SHA256 length)', vector('GP-1').signature.slice(0, 64)],
    ['one character too long', `${vector('GP-1').signature}0`],
    ['not hex', `${vector('GP-1').signature.slice(0, 127)}g`],
  ])('refuses a signature that is %s', async (_, signature) => {
    expect(await verifyGatePaySignature({ ...vector('GP-1'), signature })).toBe(false);
  });
});
