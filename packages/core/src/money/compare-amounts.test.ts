import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAmounts } from './add-amounts';
import { compareAmounts } from './compare-amounts';

const signedDecimal = fc.stringMatching(/^-?\d{1,20}(\.\d{1,10})?$/);

describe('compareAmounts', () => {
  it('compares exactly, whatever the scale', () => {
    expect(compareAmounts('1.50', '1.5')).toBe(0);
    expect(compareAmounts('0', '0.000')).toBe(0);
    expect(compareAmounts('007', '7')).toBe(0);
    expect(compareAmounts('1.49', '1.5')).toBe(-1);
    expect(compareAmounts('2', '1.99999999999999999999')).toBe(1);
    expect(compareAmounts('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareAmounts('0.1', '0.10000000000000000001')).toBe(-1);
  });

  it('orders negative amounts, as produced by subtractAmounts', () => {
    expect(compareAmounts('-1', '0')).toBe(-1);
    expect(compareAmounts('-1.5', '-1.49')).toBe(-1);
    expect(compareAmounts('-0', '0')).toBe(0);
  });

  it('refuses anything but a decimal string', () => {
    const refusal = expect.objectContaining({
      code: 'invalid_request',
      outcome: 'not_sent',
      field: 'amount',
    });
    expect(() => compareAmounts('1', '1e2')).toThrow(refusal);
    expect(() => compareAmounts(1 as unknown as string, '1')).toThrow(refusal);
    expect(() => compareAmounts('', '1')).toThrow(refusal);
  });

  it('is antisymmetric and consistent with addition', () => {
    fc.assert(
      fc.property(signedDecimal, signedDecimal, (a, b) => {
        expect(compareAmounts(a, b)).toBe(-compareAmounts(b, a) || 0);
        // a + b sits above a exactly when b is positive.
        expect(compareAmounts(addAmounts(a, b), a)).toBe(compareAmounts(b, '0'));
      }),
      { numRuns: 500 },
    );
  });
});
