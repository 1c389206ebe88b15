import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonNumberLiteral } from './json-number-literal';
import { quoteJsonNumbers } from './quote-json-numbers';
import { stringifyLosslessJson } from './stringify-lossless-json';

describe('stringifyLosslessJson', () => {
  it('writes literals and bigints digit for digit, in insertion order, without undefined members', () => {
    const text = stringifyLosslessJson({
      amount: new JsonNumberLiteral('1.50000000'),
      id: 231700000000000001n,
      at: 1_700_000_000_000,
      note: undefined,
      list: [true, null, 'a"b'],
    });
    expect(text).toBe(
      '{"amount":1.50000000,"id":231700000000000001,"at":1700000000000,"list":[true,null,"a\\"b"]}',
    );
  });

  it('leaves empty strings out only when asked', () => {
    expect(stringifyLosslessJson({ a: '', b: 'x' })).toBe('{"a":"","b":"x"}');
    expect(stringifyLosslessJson({ a: '', b: 'x' }, { omitEmptyStrings: true })).toBe('{"b":"x"}');
  });

  it('refuses a number that could have lost digits', () => {
    expect(() => stringifyLosslessJson({ amount: 0.1 })).toThrow(/JsonNumberLiteral/);
    expect(() => stringifyLosslessJson(2 ** 53)).toThrow(/safe integers/);
    expect(() => new JsonNumberLiteral('01.5')).toThrow(/Not a JSON number literal/);
    expect(() => new JsonNumberLiteral('1e')).toThrow(TypeError);
  });

  it('round-trips every decimal amount exactly through the lossless reader', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 18 }),
        (units, scale) => {
          const digits = units.toString().padStart(scale + 1, '0');
          const amount = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
          const text = stringifyLosslessJson({ amount: new JsonNumberLiteral(amount) });
          expect(JSON.parse(quoteJsonNumbers(text))).toEqual({ amount });
        },
      ),
    );
  });
});
