import { describe, expect, it } from 'vitest';
import { parseScaledDecimal } from './parse-scaled-decimal';

describe('parseScaledDecimal', () => {
  it('reads the exact value with the scale as written', () => {
    expect(parseScaledDecimal('10.50')).toEqual({ units: 1050n, scale: 2 });
    expect(parseScaledDecimal('-0.001')).toEqual({ units: -1n, scale: 3 });
    expect(parseScaledDecimal('12345678901234567890')).toEqual({ units: 12345678901234567890n, scale: 0 });
  });

  it('refuses anything else', () => {
    expect(() => parseScaledDecimal('1e2', 'total')).toThrow(expect.objectContaining({ field: 'total' }));
  });
});
