import { describe, expect, it } from 'vitest';
import { quoteJsonNumbers } from './quote-json-numbers';

describe('quoteJsonNumbers', () => {
  it('keeps every digit of decimals and ids a float would change', () => {
    const text =
      '{"amount":{"amount":1.50000000,"currency":"USDT"},"orderNo":231700000000000001,"n":-0.1e-3}';
    expect(JSON.parse(quoteJsonNumbers(text))).toEqual({
      amount: { amount: '1.50000000', currency: 'USDT' },
      orderNo: '231700000000000001',
      n: '-0.1e-3',
    });
  });

  it('leaves numbers inside strings, escaped quotes included, untouched', () => {
    const text = '{"note":"paid 10.50 \\"EUR\\" on 2026-11-22","list":[1,2.5]}';
    expect(JSON.parse(quoteJsonNumbers(text))).toEqual({
      note: 'paid 10.50 "EUR" on 2026-11-22',
      list: ['1', '2.5'],
    });
  });

  it('keeps invalid JSON invalid', () => {
    expect(() => JSON.parse(quoteJsonNumbers('{"truncated": '))).toThrow();
    expect(() => JSON.parse(quoteJsonNumbers('{"a":"unterminated'))).toThrow();
    expect(() => JSON.parse(quoteJsonNumbers('{"a": - }'))).toThrow();
  });
});
