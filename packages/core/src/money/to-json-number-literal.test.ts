import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAmounts } from './compare-amounts';
import { toJsonNumberLiteral } from './to-json-number-literal';

// The JSON number grammar from RFC 8259, without the exponent part we never produce.
const jsonNumber = /^-?(0|[1-9]\d*)(\.\d+)?$/;

describe('toJsonNumberLiteral', () => {
  it.each([
    ['1.50000000', '1.50000000'],
    ['0.00000001', '0.00000001'],
    ['1', '1'],
    ['10.50', '10.50'],
    ['007.10', '7.10'],
    ['000', '0'],
    ['-0.00', '0.00'],
    ['-12.5', '-12.5'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
  ])('writes %s as %s', (amount, literal) => {
    expect(toJsonNumberLiteral(amount)).toBe(literal);
  });

  it('produces text that JSON accepts, with no exponent', () => {
    const body = `{"amount":${toJsonNumberLiteral('0.00000001')}}`;
    expect(body).toBe('{"amount":0.00000001}');
    expect(() => JSON.parse(body)).not.toThrow();
  });

  it.each([
    [10.5, /JavaScript numbers cannot hold money exactly/],
    ['1e-8', /exponent notation/],
    ['.5', /digit before the decimal point/],
    ['NaN', /plain decimal string/],
    ['', /must not be empty/],
  ])('refuses %j', (amount, message) => {
    expect(() => toJsonNumberLiteral(amount as string)).toThrow(
      expect.objectContaining({
        code: 'invalid_request',
        outcome: 'not_sent',
        field: 'amount',
        message: expect.stringMatching(message),
      }),
    );
  });

  it('is a valid JSON number equal to the input, digit for digit in the fraction', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,18}(\.\d{1,8})?$/), (amount) => {
        const literal = toJsonNumberLiteral(amount);
        expect(literal).toMatch(jsonNumber);
        expect(compareAmounts(literal, amount)).toBe(0);
        expect(literal.split('.')[1]).toBe(amount.split('.')[1]);
      }),
      { numRuns: 500 },
    );
  });
});
