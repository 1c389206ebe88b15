import { describe, expect, it } from 'vitest';
import { quoteJsonNumbers } from './quote-json-numbers';

describe('quoteJsonNumbers', () => {
  it('keeps every digit JSON.parse would lose', () => {
    const text = '{"amount":1.50000000,"orderNo":231700000000000001,"code":"0","n":-0.1E-8}';
    expect(JSON.parse(quoteJsonNumbers(text))).toEqual({
      amount: '1.50000000',
      orderNo: '231700000000000001',
      code: '0',
      n: '-0.1E-8',
    });
    expect(String(JSON.parse(text).orderNo)).not.toBe('231700000000000001');
  });

  it('leaves strings alone, escapes included', () => {
    const text = String.raw`{"a":"1.5 \"2\" \\","b":[1,"x\"3"],"c":true,"d":null}`;
    expect(JSON.parse(quoteJsonNumbers(text))).toEqual({
      a: '1.5 "2" \\',
      b: ['1', 'x"3'],
      c: true,
      d: null,
    });
  });

  it('keeps text that is not JSON unparseable', () => {
    expect(() => JSON.parse(quoteJsonNumbers('{"truncated": '))).toThrow();
    expect(() => JSON.parse(quoteJsonNumbers('{"a":"unterminated'))).toThrow();
  });
});
