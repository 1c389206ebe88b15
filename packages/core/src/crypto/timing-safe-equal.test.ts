import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timingSafeEqual } from './timing-safe-equal';

describe('timingSafeEqual', () => {
  it('is true for equal strings', () => {
    expect(timingSafeEqual('', '')).toBe(true);
    expect(timingSafeEqual('a1b2c3', 'a1b2c3')).toBe(true);
    expect(timingSafeEqual('signé 💸', 'signé 💸')).toBe(true);
  });

  it('is false for strings that differ anywhere', () => {
    expect(timingSafeEqual('a1b2c3', 'x1b2c3')).toBe(false);
    expect(timingSafeEqual('a1b2c3', 'a1b2x3')).toBe(false);
    expect(timingSafeEqual('a1b2c3', 'a1b2cX')).toBe(false);
  });

  it('is false when the lengths differ, even if one is a prefix of the other', () => {
    expect(timingSafeEqual('abc', 'abcd')).toBe(false);
    expect(timingSafeEqual('abcd', 'abc')).toBe(false);
    expect(timingSafeEqual('', 'a')).toBe(false);
    // Trailing NUL bytes must not pass for the zero padding of the shorter input.
    expect(timingSafeEqual('abc', 'abc\u0000')).toBe(false);
  });

  it('tells apart canonically equivalent but differently written strings', () => {
    expect(timingSafeEqual('é', 'e\u0301')).toBe(false);
    expect(timingSafeEqual('É', 'é')).toBe(false);
  });

  it('tells apart two different lone surrogates', () => {
    expect(timingSafeEqual('\ud800', '\udc00')).toBe(false);
  });

  it('agrees with string equality for any two strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (left, right) => {
        expect(timingSafeEqual(left, right)).toBe(left === right);
        expect(timingSafeEqual(left, left)).toBe(true);
        expect(timingSafeEqual(left, `${left}x`)).toBe(false);
      }),
    );
  });
});
