import { describe, expect, it } from 'vitest';
import { hasRepeatedAlternation } from './has-repeated-alternation';

describe('hasRepeatedAlternation', () => {
  it.each(['(a|a)*b', '(a|b)+', '((a|a)b)+', '(?:x|y){2}', '(x|y){1,}', '(x|y){0,3}', 'GP-(\\d|-)*'])(
    'finds the repeated alternation in %j',
    (pattern) => {
      expect(hasRepeatedAlternation(pattern)).toBe(true);
    },
  );

  it.each([
    'GP|BP',
    '(GP|BP)-\\d+',
    '(a|b)?c',
    '(a|b){1}',
    '(a|b){0,1}',
    '[(|)]*',
    '\\(a|b\\)*',
    '[\\]|]+',
    'a{2,}|b',
    '(ab)+',
    'x(a|b)\\{3}',
  ])('lets %j through: nothing repeats an alternation', (pattern) => {
    expect(hasRepeatedAlternation(pattern)).toBe(false);
  });
});
