import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testKeys, vector } from './__fixtures__/known-answers';
import { verifyBonusPaySignature } from './verify-bonuspay-signature';

describe('verifyBonusPaySignature (reference B8 known answers)', () => {
  it('verifies V3, a placeOrder answer, and V4, a notification, over their raw bytes', async () => {
    for (const name of ['V3', 'V4'] as const) {
      const { body, sign } = vector(name);
      expect(await verifyBonusPaySignature(body, sign, testKeys.publicKey)).toBe(true);
      expect(await verifyBonusPaySignature(new TextEncoder().encode(body), sign, testKeys.publicKey)).toBe(
        true,
      );
    }
    expect(Buffer.byteLength(vector('V3').body)).toBe(435);
    expect(Buffer.byteLength(vector('V4').body)).toBe(441);
  });

  it('does not verify V4 once parsed and re-serialized: 1.50000000 becomes 1.5', async () => {
    const { body, sign } = vector('V4');
    const reserialized = JSON.stringify(JSON.parse(body));
    expect(reserialized).toContain('"amount":1.5,');
    expect(await verifyBonusPaySignature(reserialized, sign, testKeys.publicKey)).toBe(false);
  });

  it('refuses a changed body, a changed signature, a missing one and another key', async () => {
    const { body, sign } = vector('V3');
    const flipped = Buffer.from(sign, 'base64');
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    const other = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    expect(
      await verifyBonusPaySignature(body.replace('"amount":1.5', '"amount":2.5'), sign, testKeys.publicKey),
    ).toBe(false);
    expect(await verifyBonusPaySignature(body, flipped.toString('base64'), testKeys.publicKey)).toBe(false);
    expect(await verifyBonusPaySignature(body, `${sign.slice(0, -4)}!!==`, testKeys.publicKey)).toBe(false);
    expect(await verifyBonusPaySignature(body, null, testKeys.publicKey)).toBe(false);
    expect(await verifyBonusPaySignature(body, '', testKeys.publicKey)).toBe(false);
    expect(await verifyBonusPaySignature(body, sign, other.toString())).toBe(false);
  });
});
