import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAmounts } from './add-amounts';
import { normalizeAmount } from './normalize-amount';
import { subtractAmounts } from './subtract-amounts';

const signedDecimal = fc.stringMatching(/^-?\d{1,20}(\.\d{1,10})?$/);

describe('subtractAmounts', () => {
  it('subtracts exactly and returns the minimal form', () => {
    expect(subtractAmounts('10.50', '0.50')).toBe('10');
    expect(subtractAmounts('0.3', '0.1')).toBe('0.2');
    expect(subtractAmounts('1.50', '1.5')).toBe('0');
    expect(subtractAmounts('100000000', '0.00000001')).toBe('99999999.99999999');
  });

  it('prefixes a negative result with "-"', () => {
    expect(subtractAmounts('1', '1.5')).toBe('-0.5');
    expect(subtractAmounts('0', '10')).toBe('-10');
    expect(subtractAmounts('-1', '-1')).toBe('0');
  });

  it('refuses anything but a decimal string', () => {
    expect(() => subtractAmounts('1', ' 1')).toThrow(
      expect.objectContaining({ code: 'invalid_request', outcome: 'not_sent', field: 'amount' }),
    );
  });

  it('is undone by addition', () => {
    fc.assert(
      fc.property(signedDecimal, signedDecimal, (a, b) => {
        expect(addAmounts(subtractAmounts(a, b), b)).toBe(normalizeAmount(a));
        expect(subtractAmounts(a, a)).toBe('0');
      }),
      { numRuns: 500 },
    );
  });
});
