import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPositiveInteger } from './read-positive-integer';

const read = (text: string | undefined) =>
  readPositiveInteger('REFUNDS_LEASE_MS', text, { maximum: 2_147_483_647, unit: 'milliseconds' });

describe('readPositiveInteger', () => {
  it('is undefined when the setting is absent, so the default applies', () => {
    expect(read(undefined)).toBeUndefined();
  });

  it('reads plain digits', () => {
    expect(read('60000')).toBe(60_000);
    expect(read(' 2500 ')).toBe(2_500);
    expect(read('1')).toBe(1);
  });

  it.each([
    [
      '-1',
      'REFUNDS_LEASE_MS must be a positive integer (milliseconds) from 1 to 2147483647, but it is negative (-1).',
    ],
    ['0', 'REFUNDS_LEASE_MS must be a positive integer (milliseconds) from 1 to 2147483647, but it is zero.'],
    [
      '1.5',
      'REFUNDS_LEASE_MS must be a positive integer (milliseconds) from 1 to 2147483647, but it is not an integer (1.5).',
    ],
    [
      '60s',
      'REFUNDS_LEASE_MS must be a positive integer (milliseconds) from 1 to 2147483647, but it is not a number ("60s").',
    ],
    [
      '',
      'REFUNDS_LEASE_MS must be a positive integer (milliseconds) from 1 to 2147483647, but it is empty; unset it to use the default.',
    ],
    [
      '1e3',
      'REFUNDS_LEASE_MS must be a positive integer (milliseconds) from 1 to 2147483647, but it is not written in plain digits ("1e3").',
    ],
    [
      '3000000000',
      'REFUNDS_LEASE_MS must be a positive integer (milliseconds) from 1 to 2147483647, but it is above the maximum (3000000000).',
    ],
  ])('refuses %j, naming the variable and what is wrong', (text, message) => {
    expect(() => read(text)).toThrow(message);
  });

  it('refuses a negative zero, a fraction of zero and infinity', () => {
    expect(() => read('-0')).toThrow('is zero');
    expect(() => read('0.0')).toThrow('is zero');
    expect(() => read('Infinity')).toThrow('is not a number');
  });

  it('accepts exactly the positive integers up to the maximum, written in digits', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        let value: number | undefined;
        try {
          value = read(text);
        } catch (error) {
          expect((error as Error).message).toMatch(/^REFUNDS_LEASE_MS must be a positive integer/);
          return;
        }
        expect(text.trim()).toMatch(/^\d+$/);
        expect(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 2_147_483_647).toBe(
          true,
        );
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_147_483_647 }), (value) => {
        expect(read(String(value))).toBe(value);
      }),
    );
  });
});
