import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAmounts } from './compare-amounts';
import { normalizeAmount } from './normalize-amount';

describe('normalizeAmount', () => {
  it.each([
    ['1.50', '1.5'],
    ['2.000', '2'],
    ['0.0', '0'],
    ['007.10', '7.1'],
    ['0.00000001', '0.00000001'],
    ['-1.50', '-1.5'],
    ['-0.00', '0'],
    ['100', '100'],
    ['123456789012345678901234567890.10', '123456789012345678901234567890.1'],
  ])('writes %s as %s', (amount, normalized) => {
    expect(normalizeAmount(amount)).toBe(normalized);
  });

  it('refuses anything but a decimal string', () => {
    expect(() => normalizeAmount('1e-7')).toThrow(
      expect.objectContaining({ code: 'invalid_request', outcome: 'not_sent', field: 'amount' }),
    );
  });

  it('keeps the value and is idempotent', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,18}(\.\d{1,8})?$/), (amount) => {
        const normalized = normalizeAmount(amount);
        expect(compareAmounts(normalized, amount)).toBe(0);
        expect(normalizeAmount(normalized)).toBe(normalized);
        expect(normalized).toMatch(/^(0|-?[1-9]\d*(\.\d*[1-9])?|-?0\.\d*[1-9])$/);
      }),
      { numRuns: 300 },
    );
  });
});
