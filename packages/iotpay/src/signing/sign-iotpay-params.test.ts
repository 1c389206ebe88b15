import { describe, expect, it } from 'vitest';
import knownAnswers from '../__fixtures__/known-answers.json';
import { buildIotPayStringToSign } from './build-iotpay-string-to-sign';
import { signIotPayParams } from './sign-iotpay-params';

const { merchantKey, vectors, stringsToSign } = knownAnswers;
const vector = (name: string) => {
  const found = vectors.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`missing vector ${name}`);
  return found;
};

describe('signIotPayParams (reference A9 known answers)', () => {
  it('reproduces the refund request vector, string to sign included', async () => {
    const { params, sign } = vector('IOT-request');
    expect(buildIotPayStringToSign(params, merchantKey)).toBe(stringsToSign['IOT-request']);
    expect(await signIotPayParams(params, merchantKey)).toBe(sign);
  });

  it('reproduces the refund response vector (empty retMsg dropped)', async () => {
    const { params, sign } = vector('IOT-response');
    expect(buildIotPayStringToSign(params, merchantKey)).toBe(stringsToSign['IOT-response']);
    expect(await signIotPayParams(params, merchantKey)).toBe(sign);
  });

  it('signs refundAmount the same as the number 1, a bigint 1 and the string "1"', async () => {
    const { params, sign } = vector('IOT-request');
    expect(await signIotPayParams({ ...params, refundAmount: 1 }, merchantKey)).toBe(sign);
    expect(await signIotPayParams({ ...params, refundAmount: 1n }, merchantKey)).toBe(sign);
  });

  it('ignores sign itself and null/undefined values, whatever the key order', async () => {
    const { params, sign } = vector('IOT-request');
    const reordered = Object.fromEntries(Object.entries(params).reverse());
    expect(
      await signIotPayParams({ ...reordered, sign: 'ANYTHING', device: null, extra: undefined }, merchantKey),
    ).toBe(sign);
  });

  it('keeps 0 and "0", which PHP and the community JS client wrongly drop', () => {
    expect(buildIotPayStringToSign({ b: 0, a: '0', c: '' }, 'K')).toBe('a=0&b=0&key=K');
  });

  it('produces 32 uppercase hex characters and changes with the key', async () => {
    const { params } = vector('IOT-request');
    const other = await signIotPayParams(params, 'ANOTHER_KEY');
    expect(other).toMatch(/^[0-9A-F]{32}$/);
    expect(other).not.toBe(vector('IOT-request').sign);
  });

  it('refuses to sign a fractional number instead of printing it the JavaScript way', () => {
    expect(() => buildIotPayStringToSign({ refundAmount: 1.5 }, 'K')).toThrow(/integer or a string/);
  });
});
