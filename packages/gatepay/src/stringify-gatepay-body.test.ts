import { describe, expect, it } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import { stringifyGatePayBody } from './stringify-gatepay-body';

const vector = (name: string) => knownAnswers.vectors.find((candidate) => candidate.name === name)!;

describe('stringifyGatePayBody', () => {
  it('writes the exact bytes of the refundconvert example GP-3, receiverId as a JSON number', () => {
    const body = stringifyGatePayBody(
      {
        refundRequestId: '483902480932841787',
        prepayId: '1665553233227833',
        refundOrderCurrency: 'BTC',
        refundPayCurrency: 'USDT',
        refundReason: 'refund test',
        receiverId: '123456',
      },
      ['receiverId'],
    );
    expect(body).toBe(vector('GP-3').body);
  });

  it('writes the exact bytes of GP-4, without the trailing newline of GP-5', () => {
    const body = stringifyGatePayBody({
      refundRequestId: '156123911',
      prepayId: '1647438500687506',
      refundAmount: '0.8',
    });
    expect(body).toBe(vector('GP-4').body);
    expect(body).not.toBe(vector('GP-5').body);
  });

  it('writes an int64 id above 2^53 digit for digit', () => {
    const body = stringifyGatePayBody({ receiverId: '9223372036854775807' }, ['receiverId']);
    expect(body).toBe('{"receiverId":9223372036854775807}');
    expect(JSON.stringify({ receiverId: Number('9223372036854775807') })).not.toBe(body);
  });

  it('leaves undefined fields out and keeps amounts as strings', () => {
    expect(stringifyGatePayBody({ refundAmount: '10.50', refundReason: undefined, refundStyle: 2 })).toBe(
      '{"refundAmount":"10.50","refundStyle":2}',
    );
  });

  it('refuses an int64 field that is not a digit string, and any number that is not a small integer', () => {
    expect(() => stringifyGatePayBody({ receiverId: 123 }, ['receiverId'])).toThrow(/string of digits/);
    expect(() => stringifyGatePayBody({ receiverId: '12a' }, ['receiverId'])).toThrow(/string of digits/);
    expect(() => stringifyGatePayBody({ refundAmount: 0.1 })).toThrow(/small integer/);
  });
});
