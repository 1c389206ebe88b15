import { describe, expect, it } from 'vitest';
import { decimalPlaces } from './decimal-places';

describe('decimalPlaces', () => {
  it('counts fraction digits as written, trailing zeros included', () => {
    expect(decimalPlaces('1')).toBe(0);
    expect(decimalPlaces('1.5')).toBe(1);
    expect(decimalPlaces('1.50')).toBe(2);
    expect(decimalPlaces('0.00000000')).toBe(8);
    expect(decimalPlaces('-0.125')).toBe(3);
  });

  it('refuses anything but a decimal string', () => {
    expect(() => decimalPlaces('1.')).toThrow(
      expect.objectContaining({ code: 'invalid_request', outcome: 'not_sent', field: 'amount' }),
    );
  });
});
