import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount } from './format-amount';
import { normalizeAmount } from './normalize-amount';

describe('formatAmount', () => {
  it.each([
    ['10.5', 2, '10.50'],
    ['10', 2, '10.00'],
    ['10.50', 2, '10.50'],
    ['10.500', 2, '10.50'],
    ['10.00', 0, '10'],
    ['007.1', 3, '7.100'],
    ['0', 8, '0.00000000'],
    ['-1.5', 2, '-1.50'],
    ['-0.00', 2, '0.00'],
  ] as const)('formats %s with %d decimals as %s', (amount, decimals, formatted) => {
    expect(formatAmount(amount, decimals)).toBe(formatted);
  });

  it('refuses to drop non-zero digits', () => {
    expect(() => formatAmount('10.005', 2)).toThrow(
      expect.objectContaining({
        code: 'invalid_request',
        outcome: 'not_sent',
        field: 'amount',
        message: expect.stringMatching(
          /"10\.005" has more than 2 significant decimal places and will not be rounded/,
        ),
      }),
    );
    expect(() => formatAmount('1.5', 0)).toThrow(expect.objectContaining({ field: 'amount' }));
  });

  it('refuses anything but a decimal string', () => {
    expect(() => formatAmount('1,5', 2)).toThrow(
      expect.objectContaining({
        code: 'invalid_request',
        field: 'amount',
        message: expect.stringMatching(/separator/),
      }),
    );
  });

  it('treats a bad number of decimals as a bug in the caller', () => {
    expect(() => formatAmount('1', -1)).toThrow(RangeError);
    expect(() => formatAmount('1', 1.5)).toThrow(RangeError);
  });

  it('keeps the value exactly up to 8 decimals and 18 significant digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,10}(\.\d{1,8})?$/), (amount) => {
        const formatted = formatAmount(amount, 8);
        expect(formatted).toMatch(/^\d+\.\d{8}$/);
        expect(normalizeAmount(formatted)).toBe(normalizeAmount(amount));
      }),
      { numRuns: 500 },
    );
  });
});
