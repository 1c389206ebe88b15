import { describe, expect, it } from 'vitest';
import { formatScaledDecimal } from './format-scaled-decimal';

describe('formatScaledDecimal', () => {
  it.each([
    [1050n, 2, '10.5'],
    [1000n, 2, '10'],
    [1n, 8, '0.00000001'],
    [0n, 3, '0'],
    [-1n, 2, '-0.01'],
    [-100n, 2, '-1'],
    [42n, 0, '42'],
  ])('writes %s at scale %d as %s', (units, scale, text) => {
    expect(formatScaledDecimal({ units, scale })).toBe(text);
  });
});
