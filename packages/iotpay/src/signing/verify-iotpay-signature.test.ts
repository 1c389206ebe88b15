import { describe, expect, it } from 'vitest';
import knownAnswers from '../__fixtures__/known-answers.json';
import { verifyIotPaySignature } from './verify-iotpay-signature';

const { merchantKey } = knownAnswers;
const response = knownAnswers.vectors.find((vector) => vector.name === 'IOT-response');
if (!response) throw new Error('missing vector IOT-response');
const signed = { ...response.params, sign: response.sign };

describe('verifyIotPaySignature', () => {
  it('accepts the reference response with its sign', async () => {
    expect(await verifyIotPaySignature(signed, merchantKey)).toBe(true);
  });

  it('compares case-insensitively, as IOTPay (XxPay equalsIgnoreCase) does', async () => {
    expect(await verifyIotPaySignature({ ...signed, sign: response.sign.toLowerCase() }, merchantKey)).toBe(
      true,
    );
  });

  it('covers fields IOTPay may add: signed with them they pass, slipped in afterwards they do not', async () => {
    const withExtra = { ...response.params, refundAmount: '100', newField: 'x' };
    // Signed by the sandbox's independent model of IOTPay's server.
    const { signLikeXxPay } = await import('../sandbox/sign-like-xxpay');
    expect(
      await verifyIotPaySignature({ ...withExtra, sign: signLikeXxPay(withExtra, merchantKey) }, merchantKey),
    ).toBe(true);
    expect(await verifyIotPaySignature({ ...signed, extraField: 'x' }, merchantKey)).toBe(false);
  });

  it('refuses a changed field, a changed sign, a missing sign and another key', async () => {
    expect(
      await verifyIotPaySignature({ ...signed, refundOrderId: 'R01201809181620000002' }, merchantKey),
    ).toBe(false);
    expect(await verifyIotPaySignature({ ...signed, sign: `0${response.sign.slice(1)}` }, merchantKey)).toBe(
      false,
    );
    expect(await verifyIotPaySignature(response.params, merchantKey)).toBe(false);
    expect(await verifyIotPaySignature({ ...signed, sign: '' }, merchantKey)).toBe(false);
    expect(await verifyIotPaySignature(signed, 'ANOTHER_KEY')).toBe(false);
  });
});
