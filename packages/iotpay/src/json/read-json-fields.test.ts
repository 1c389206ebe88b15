import { describe, expect, it } from 'vitest';
import { readJsonFields } from './read-json-fields';

describe('readJsonFields', () => {
  it('keeps numbers as the exact text received, even beyond 2^53 or with trailing zeros', () => {
    const { values, signable } = readJsonFields(
      '{"refundOrderId":12345678901234567891,"amount":1.0,"n":-0.5e3}',
    );
    expect(values).toEqual({ refundOrderId: '12345678901234567891', amount: '1.0', n: '-0.5e3' });
    expect(signable).toEqual(values);
  });

  it('decodes strings, and signs booleans and null the way Java prints them', () => {
    const { values, signable } = readJsonFields('{ "a" : "x\\"}{,y" , "b":true,"c":null,"d":"\\u00e9" }');
    expect(values).toEqual({ a: 'x"}{,y', b: true, c: null, d: 'é' });
    expect(signable).toEqual({ a: 'x"}{,y', b: 'true', c: null, d: 'é' });
  });

  it('keeps a nested value as the JSON text received', () => {
    const { values, signable } = readJsonFields('{"extra":{"k":[1,"]"]},"z":"1"}');
    expect(values.extra).toEqual({ k: [1, ']'] });
    expect(signable).toEqual({ extra: '{"k":[1,"]"]}', z: '1' });
  });

  it('makes __proto__ an ordinary field', () => {
    const { values } = readJsonFields('{"__proto__":"x"}');
    expect(Object.keys(values)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it('reads an empty object and refuses what is not a JSON object', () => {
    expect(readJsonFields(' {} ').values).toEqual({});
    expect(() => readJsonFields('[1]')).toThrow(SyntaxError);
    expect(() => readJsonFields('{"a":')).toThrow(SyntaxError);
    expect(() => readJsonFields('"text"')).toThrow(SyntaxError);
  });
});
