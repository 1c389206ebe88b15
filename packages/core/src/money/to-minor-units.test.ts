import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectInvalidRequest } from '../testing/expect-invalid-request';
import { fromMinorUnits } from './from-minor-units';
import { normalizeAmount } from './normalize-amount';
import { toMinorUnits } from './to-minor-units';

const refusal = expectInvalidRequest;

// 18 digits is beyond Number.MAX_SAFE_INTEGER, so the round trips lift the default limit.
const eighteenDigits = 10n ** 18n - 1n;

describe('toMinorUnits', () => {
  it('converts exactly', () => {
    expect(toMinorUnits('10.50', 2)).toBe(1050n);
    expect(toMinorUnits('10.5', 2)).toBe(1050n);
    expect(toMinorUnits('10', 2)).toBe(1000n);
    expect(toMinorUnits('0.01', 2)).toBe(1n);
    expect(toMinorUnits('1000', 0)).toBe(1000n);
    expect(toMinorUnits('0.00000001', 8)).toBe(1n);
    expect(toMinorUnits('1.5', 18, { maxUnits: 10n ** 30n })).toBe(1_500_000_000_000_000_000n);
    expect(toMinorUnits('-1.25', 2)).toBe(-125n);
  });

  it('accepts trailing zeros beyond the exponent', () => {
    expect(toMinorUnits('10.050', 2)).toBe(1005n);
    expect(toMinorUnits('7.000', 0)).toBe(7n);
  });

  it('refuses digits finer than the minor unit rather than rounding', () => {
    expect(() => toMinorUnits('10.005', 2)).toThrow(
      refusal(
        'amount',
        /"10\.005" has more decimal places than the currency's 2.*cannot be expressed in minor units/,
      ),
    );
    expect(() => toMinorUnits('10.005', 2)).toThrow(refusal('amount', /will not be rounded/));
    expect(() => toMinorUnits('1.1', 0, { field: 'refund.amount' })).toThrow(
      refusal('refund.amount', /^refund\.amount "1\.1"/),
    );
  });

  it('refuses a result beyond maxUnits, by default the largest safe integer', () => {
    expect(toMinorUnits('90071992547409.91', 2)).toBe(9007199254740991n);
    expect(() => toMinorUnits('90071992547409.92', 2)).toThrow(refusal('amount', /does not fit/));
    expect(toMinorUnits('100', 2, { maxUnits: 10000n })).toBe(10000n);
    expect(() => toMinorUnits('100.01', 2, { maxUnits: 10000n })).toThrow(
      refusal('amount', /10001 minor units, which does not fit the limit of 10000/),
    );
    expect(() => toMinorUnits('-100.01', 2, { maxUnits: 10000n })).toThrow(refusal('amount', /does not fit/));
  });

  it('refuses anything but a decimal string', () => {
    expect(() => toMinorUnits(10.5 as unknown as string, 2)).toThrow(
      refusal('amount', /JavaScript numbers cannot hold money exactly/),
    );
    expect(() => toMinorUnits('1e2', 2, { field: 'total' })).toThrow(refusal('total', /exponent notation/));
  });

  it('treats a bad exponent or limit as a bug in the caller', () => {
    expect(() => toMinorUnits('1', -1)).toThrow(RangeError);
    expect(() => toMinorUnits('1', 2.5)).toThrow(RangeError);
    expect(() => toMinorUnits('1', 37)).toThrow(RangeError);
    expect(() => toMinorUnits('1', 2, { maxUnits: -1n })).toThrow(RangeError);
    expect(() => toMinorUnits('1', 2, { maxUnits: 100 as unknown as bigint })).toThrow(RangeError);
  });

  it('round trips through fromMinorUnits for exponents 0 to 8 and up to 18 digits', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -eighteenDigits, max: eighteenDigits }),
        fc.integer({ min: 0, max: 8 }),
        (units, exponent) => {
          const amount = fromMinorUnits(units, exponent);
          expect(toMinorUnits(amount, exponent, { maxUnits: eighteenDigits })).toBe(units);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round trips decimal strings that fit the exponent', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 8 })
          .chain((exponent) =>
            fc.tuple(
              fc.constant(exponent),
              fc.stringMatching(
                exponent === 0 ? /^\d{1,10}$/ : new RegExp(`^\\d{1,10}(\\.\\d{1,${exponent}})?$`),
              ),
            ),
          ),
        ([exponent, amount]) => {
          expect(fromMinorUnits(toMinorUnits(amount, exponent, { maxUnits: eighteenDigits }), exponent)).toBe(
            normalizeAmount(amount),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('toMinorUnits with a provider', () => {
  it('names the provider whose limit refused the amount', () => {
    expect(() => toMinorUnits('1.001', 2, { provider: 'example' })).toThrow(
      expect.objectContaining({ provider: 'example', code: 'invalid_request' }),
    );
  });
});
