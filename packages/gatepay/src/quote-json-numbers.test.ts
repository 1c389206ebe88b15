import { describe, expect, it } from 'vitest';
import { quoteJsonNumbers } from './quote-json-numbers';

describe('quoteJsonNumbers', () => {
  it('keeps int64 ids above 2^53 exact', () => {
    const parsed = JSON.parse(quoteJsonNumbers('{"bizId":79553022813274112,"uid":9223372036854775807}'));
    expect(parsed).toEqual({ bizId: '79553022813274112', uid: '9223372036854775807' });
    expect(String(JSON.parse('{"bizId":79553022813274112}').bizId)).not.toBe('79553022813274112');
  });

  it('keeps decimals, negatives and exponents as written', () => {
    expect(JSON.parse(quoteJsonNumbers('[0.01200000,-1,1e-7,2.5E+3]'))).toEqual([
      '0.01200000',
      '-1',
      '1e-7',
      '2.5E+3',
    ]);
  });

  it('leaves strings alone, escaped quotes and digits included', () => {
    const text = '{"data":"{\\"refundAmount\\":\\"0.8\\",\\"n\\":12}","code":"000000","x":[true,null,7]}';
    expect(JSON.parse(quoteJsonNumbers(text))).toEqual({
      data: '{"refundAmount":"0.8","n":12}',
      code: '000000',
      x: [true, null, '7'],
    });
  });

  it('keeps broken JSON broken', () => {
    expect(() => JSON.parse(quoteJsonNumbers('{"truncated": '))).toThrow();
  });
});
