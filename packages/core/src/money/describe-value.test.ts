import { describe, expect, it } from 'vitest';
import { describeValue } from './describe-value';

describe('describeValue', () => {
  it.each([
    [null, 'null'],
    [undefined, 'nothing (undefined)'],
    ['x', 'the string "x"'],
    [10.5, 'the number 10.5'],
    [5n, 'the bigint 5'],
    [false, 'the boolean false'],
    [{}, 'an object'],
    [[], 'an array'],
    [Symbol('s'), 'a symbol'],
    [() => 1, 'a function'],
  ])('describes %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});
