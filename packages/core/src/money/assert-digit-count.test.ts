import { describe, expect, it } from 'vitest';
import { assertDigitCount } from './assert-digit-count';

describe('assertDigitCount', () => {
  it('accepts integers from 0 to 36', () => {
    expect(() => assertDigitCount(0, 'exponent')).not.toThrow();
    expect(() => assertDigitCount(36, 'exponent')).not.toThrow();
  });

  it.each([-1, 37, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError for %s', (value) => {
    expect(() => assertDigitCount(value, 'exponent')).toThrow(
      new RangeError(`exponent must be an integer from 0 to 36, got ${value}`),
    );
  });
});
