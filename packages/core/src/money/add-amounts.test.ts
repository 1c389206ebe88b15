import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAmounts } from './add-amounts';
import { normalizeAmount } from './normalize-amount';
import { subtractAmounts } from './subtract-amounts';

const signedDecimal = fc.stringMatching(/^-?\d{1,20}(\.\d{1,10})?$/);

describe('addAmounts', () => {
  it('adds exactly and returns the minimal form', () => {
    expect(addAmounts('1.5', '1.5')).toBe('3');
    expect(addAmounts('0.1', '0.2')).toBe('0.3');
    expect(addAmounts('10.50', '0.005')).toBe('10.505');
    expect(addAmounts('9007199254740992', '1')).toBe('9007199254740993');
    expect(addAmounts('0.00000001', '99999999.99999999')).toBe('100000000');
    expect(addAmounts('0', '0.00')).toBe('0');
  });

  it('handles negative operands', () => {
    expect(addAmounts('-1.5', '1.5')).toBe('0');
    expect(addAmounts('-1.5', '1')).toBe('-0.5');
    expect(addAmounts('-0.1', '-0.2')).toBe('-0.3');
  });

  it('refuses anything but a decimal string', () => {
    expect(() => addAmounts('1', '.5')).toThrow(
      expect.objectContaining({ code: 'invalid_request', outcome: 'not_sent', field: 'amount' }),
    );
    expect(() => addAmounts(0.1 as unknown as string, '1')).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/JavaScript numbers cannot hold money exactly/),
      }),
    );
  });

  it('is undone by subtraction and commutes', () => {
    fc.assert(
      fc.property(signedDecimal, signedDecimal, (a, b) => {
        expect(subtractAmounts(addAmounts(a, b), b)).toBe(normalizeAmount(a));
        expect(addAmounts(a, b)).toBe(addAmounts(b, a));
      }),
      { numRuns: 500 },
    );
  });
});
