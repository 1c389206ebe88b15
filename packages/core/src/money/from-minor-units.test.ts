import { describe, expect, it } from 'vitest';
import { fromMinorUnits } from './from-minor-units';

const refusal = (message: RegExp) =>
  expect.objectContaining({
    code: 'invalid_request',
    outcome: 'not_sent',
    field: 'units',
    message: expect.stringMatching(message),
  });

describe('fromMinorUnits', () => {
  it('converts a bigint to the minimal decimal string', () => {
    expect(fromMinorUnits(1050n, 2)).toBe('10.5');
    expect(fromMinorUnits(1000n, 2)).toBe('10');
    expect(fromMinorUnits(1n, 2)).toBe('0.01');
    expect(fromMinorUnits(1n, 8)).toBe('0.00000001');
    expect(fromMinorUnits(0n, 8)).toBe('0');
    expect(fromMinorUnits(1234n, 0)).toBe('1234');
    expect(fromMinorUnits(-5n, 2)).toBe('-0.05');
    expect(fromMinorUnits(123456789012345678901234567890n, 18)).toBe('123456789012.34567890123456789');
  });

  it('accepts a digit string, with an optional leading "-"', () => {
    expect(fromMinorUnits('1050', 2)).toBe('10.5');
    expect(fromMinorUnits('-1050', 2)).toBe('-10.5');
    expect(fromMinorUnits('-0', 2)).toBe('0');
    expect(fromMinorUnits('00042', 2)).toBe('0.42');
    expect(fromMinorUnits('9007199254740993', 0)).toBe('9007199254740993');
  });

  it('accepts a number only while it is a safe integer', () => {
    expect(fromMinorUnits(1050, 2)).toBe('10.5');
    expect(fromMinorUnits(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91');
    expect(() => fromMinorUnits(Number.MAX_SAFE_INTEGER + 1, 2)).toThrow(refusal(/must be a safe integer/));
    expect(() => fromMinorUnits(10.5, 2)).toThrow(refusal(/must be a safe integer.*got the number 10\.5/));
    expect(() => fromMinorUnits(Number.NaN, 2)).toThrow(refusal(/safe integer/));
  });

  it.each(['', '10.5', '+5', ' 5', '1e3', '--1', '5-'])('refuses the string %j', (units) => {
    expect(() => fromMinorUnits(units, 2)).toThrow(refusal(/a string must hold only digits/));
  });

  it('refuses other types', () => {
    expect(() => fromMinorUnits(null as unknown as bigint, 2)).toThrow(refusal(/got null/));
  });

  it('treats a bad exponent as a bug in the caller', () => {
    expect(() => fromMinorUnits(1n, -1)).toThrow(RangeError);
    expect(() => fromMinorUnits(1n, Number.NaN)).toThrow(RangeError);
  });
});
