import { describe, expect, it } from 'vitest';
import { readJsonDecimal } from './read-json-decimal';

describe('readJsonDecimal', () => {
  it.each([
    ['1.5', '1.5'],
    ['1.50000000', '1.50000000'],
    ['10', '10'],
    ['0E-8', '0.00000000'],
    ['1.5E+2', '150'],
    ['12.8054e-2', '0.128054'],
    ['-2.5E1', '-25'],
    ['123456789012.12345678', '123456789012.12345678'],
  ])('reads %s exactly as %s', (text, decimal) => {
    expect(readJsonDecimal(text)).toBe(decimal);
  });

  it.each(['', '01', '1.', '.5', '+1', '1e999', 'NaN', '1,5'])('refuses %j', (text) => {
    expect(readJsonDecimal(text)).toBeUndefined();
  });
});
