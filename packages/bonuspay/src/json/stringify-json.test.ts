import { describe, expect, it } from 'vitest';
import { JsonNumberLiteral } from './json-number-literal';
import { stringifyJson } from './stringify-json';

describe('stringifyJson', () => {
  it('writes money literals digit for digit, in insertion order, without undefined members', () => {
    const text = stringifyJson({
      requestTime: 1700000000000,
      bizContent: {
        b: 'x"y',
        a: new JsonNumberLiteral('0.10000000'),
        skipped: undefined,
        list: [true, null],
      },
    });
    expect(text).toBe(
      '{"requestTime":1700000000000,"bizContent":{"b":"x\\"y","a":0.10000000,"list":[true,null]}}',
    );
  });

  it('refuses a JavaScript number that is not a safe integer, and a literal that is not JSON', () => {
    expect(() => stringifyJson({ amount: 0.1 })).toThrow(/JsonNumberLiteral/);
    expect(() => stringifyJson({ amount: 2 ** 60 })).toThrow(TypeError);
    expect(() => new JsonNumberLiteral('1e')).toThrow(TypeError);
    expect(() => new JsonNumberLiteral('01.5')).toThrow(TypeError);
  });
});
