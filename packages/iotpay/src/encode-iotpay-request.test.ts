import { describe, expect, it } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import { encodeIotPayRequest } from './encode-iotpay-request';

const request = knownAnswers.vectors.find((vector) => vector.name === 'IOT-request');
if (!request) throw new Error('missing vector IOT-request');

describe('encodeIotPayRequest', () => {
  it('sends the reference request as one percent-encoded params field carrying the reference sign', async () => {
    const body = await encodeIotPayRequest(
      { ...request.params, device: undefined, refundAmount: 1n },
      knownAnswers.merchantKey,
    );
    expect(body.startsWith(knownAnswers.wireBodyPrefix)).toBe(true);
    expect(body).not.toMatch(/[{}"]/);
    const json = new URLSearchParams(body).get('params') ?? '';
    expect(JSON.parse(json)).toEqual({
      ...request.params,
      device: undefined,
      refundAmount: 1,
      sign: request.sign,
    });
    expect(json).toContain('"refundAmount":1,');
  });

  it('encodes characters that would break a raw form body', async () => {
    const body = await encodeIotPayRequest({ mchRefundNo: 'a+b&c%d=e f' }, 'K');
    expect(new URLSearchParams(body).get('params')).toContain('"mchRefundNo":"a+b&c%d=e f"');
    expect(body.split('&')).toHaveLength(1);
  });

  it('leaves empty fields out of the JSON instead of sending them unsigned', async () => {
    const json = new URLSearchParams(
      await encodeIotPayRequest({ a: 'x', device: '', b: undefined }, 'K'),
    ).get('params');
    expect(Object.keys(JSON.parse(json ?? '{}'))).toEqual(['a', 'sign']);
  });
});
