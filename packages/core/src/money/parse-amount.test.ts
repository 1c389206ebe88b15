import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RefundError } from '../errors/refund-error';
import { expectInvalidRequest } from '../testing/expect-invalid-request';
import { normalizeAmount } from './normalize-amount';
import { parseAmount } from './parse-amount';

const refusal = expectInvalidRequest;

describe('parseAmount', () => {
  it('returns a plain decimal string with its fraction kept as written', () => {
    expect(parseAmount('10.50')).toBe('10.50');
    expect(parseAmount('1.50')).toBe('1.50');
    expect(parseAmount('1')).toBe('1');
    expect(parseAmount('0.00000001')).toBe('0.00000001');
    expect(parseAmount('123456789012345678.12345678')).toBe('123456789012345678.12345678');
  });

  it('strips redundant leading zeros from the integer part only', () => {
    expect(parseAmount('007.1')).toBe('7.1');
    expect(parseAmount('00.10')).toBe('0.10');
    expect(parseAmount('0100')).toBe('100');
  });

  it('throws RefundError instances', () => {
    expect(() => parseAmount('abc')).toThrow(RefundError);
  });

  it('refuses a number, explaining that numbers cannot hold money exactly', () => {
    expect(() => parseAmount(10.5)).toThrow(
      refusal(
        'amount',
        /^amount must be a decimal string such as "10\.50", got the number 10\.5: JavaScript numbers cannot hold money exactly$/,
      ),
    );
    expect(() => parseAmount(Number.NaN)).toThrow(refusal('amount', /got the number NaN/));
  });

  it.each([
    [null, /got null/],
    [undefined, /got nothing \(undefined\)/],
    [10n, /got the bigint 10/],
    [true, /got the boolean true/],
    [{ amount: '1' }, /got an object/],
    [['1'], /got an array/],
  ])('refuses %s as not a decimal string', (value, message) => {
    expect(() => parseAmount(value)).toThrow(refusal('amount', message));
    expect(() => parseAmount(value)).toThrow(refusal('amount', /must be a decimal string such as "10\.50"/));
  });

  it.each([
    ['', /must not be empty/],
    [' 10.50', /must not contain spaces/],
    ['10.50\n', /must not contain spaces/],
    ['+5', /must not start with "\+"/],
    ['-5', /must not be negative/],
    ['-0', /must not be negative/],
    ['1e3', /must not use exponent notation/],
    ['1.5E-3', /must not use exponent notation/],
    ['1,50', /"\." as the decimal separator/],
    ['1,000.00', /no thousands separators/],
    ['.5', /needs a digit before the decimal point.*write "0\.5"/],
    ['5.', /needs digits after the decimal point.*write "5"/],
    ['abc', /must be a plain decimal string/],
    ['1.2.3', /must be a plain decimal string/],
    ['0x10', /must be a plain decimal string/],
    ['١٢', /must be a plain decimal string/],
    ['Infinity', /must be a plain decimal string/],
  ])('refuses the malformed string %j', (value, message) => {
    expect(() => parseAmount(value)).toThrow(refusal('amount', message));
  });

  it('quotes the received string, shortened when long', () => {
    expect(() => parseAmount('12a')).toThrow(refusal('amount', /got "12a"$/));
    const long = 'x'.repeat(1000);
    expect(() => parseAmount(long)).toThrow(refusal('amount', /got "x{40}…"$/));
  });

  it('names the field from the options in the error and its message', () => {
    expect(() => parseAmount(1, { field: 'refund.amount' })).toThrow(
      refusal('refund.amount', /^refund\.amount must be a decimal string/),
    );
  });

  it('refuses zero unless allowZero', () => {
    for (const zero of ['0', '0.00', '000']) {
      expect(() => parseAmount(zero)).toThrow(refusal('amount', /must be greater than zero/));
    }
    expect(parseAmount('0.00', { allowZero: true })).toBe('0.00');
    expect(parseAmount('000', { allowZero: true })).toBe('0');
  });

  it('enforces maxDecimals on significant digits and trims surplus trailing zeros', () => {
    expect(parseAmount('10.05', { maxDecimals: 2 })).toBe('10.05');
    expect(parseAmount('10.5', { maxDecimals: 2 })).toBe('10.5');
    expect(parseAmount('10.500', { maxDecimals: 2 })).toBe('10.50');
    expect(parseAmount('100.00', { maxDecimals: 0 })).toBe('100');
    expect(() => parseAmount('10.005', { maxDecimals: 2 })).toThrow(
      refusal('amount', /has 3 significant decimal places, more than the 2 allowed.*will not be rounded/),
    );
    expect(() => parseAmount('1.5', { maxDecimals: 0, field: 'total' })).toThrow(
      refusal('total', /^total has 1 significant decimal places, more than the 0 allowed/),
    );
  });

  it('enforces maxIntegerDigits after removing leading zeros', () => {
    expect(parseAmount('999999.99', { maxIntegerDigits: 6 })).toBe('999999.99');
    expect(parseAmount('000001', { maxIntegerDigits: 1 })).toBe('1');
    expect(() => parseAmount('1000000', { maxIntegerDigits: 6 })).toThrow(
      refusal('amount', /has 7 digits before the decimal point, more than the 6 allowed/),
    );
  });

  it('enforces min and max inclusively with an exact comparison', () => {
    const limits = { min: '0.50', max: '10000' };
    expect(parseAmount('0.5', limits)).toBe('0.5');
    expect(parseAmount('10000.000', limits)).toBe('10000.000');
    expect(() => parseAmount('0.49999999999999999999', limits)).toThrow(
      refusal('amount', /must be at least 0\.50/),
    );
    expect(() => parseAmount('10000.00000000000000001', limits)).toThrow(
      refusal('amount', /must be at most 10000/),
    );
  });

  it('checks zero before min, so the message names the real problem', () => {
    expect(() => parseAmount('0', { min: '1' })).toThrow(refusal('amount', /greater than zero/));
    expect(() => parseAmount('0', { min: '1', allowZero: true })).toThrow(refusal('amount', /at least 1/));
  });

  it('treats bad options as a bug in the caller', () => {
    expect(() => parseAmount('1', { maxDecimals: -1 })).toThrow(RangeError);
    expect(() => parseAmount('1', { maxDecimals: 1.5 })).toThrow(RangeError);
    expect(() => parseAmount('1', { maxIntegerDigits: 0 })).toThrow(RangeError);
    expect(() => parseAmount('1', { min: '-1' })).toThrow(RangeError);
    expect(() => parseAmount('1', { max: '1e3' })).toThrow(RangeError);
    expect(() => parseAmount('1', { min: '2', max: '1' })).toThrow(RangeError);
  });

  it('never loses precision up to 18 significant digits and 8 decimals', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,10}(\.\d{1,8})?$/), (amount) => {
        const parsed = parseAmount(amount, { allowZero: true, maxDecimals: 8 });
        expect(normalizeAmount(parsed)).toBe(normalizeAmount(amount));
        expect(parsed.split('.')[1] ?? '').toBe(amount.split('.')[1] ?? '');
      }),
      { numRuns: 500 },
    );
  });
});
