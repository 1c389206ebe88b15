import { describe, expect, it } from 'vitest';
import * as money from './index';

describe('money index', () => {
  it('exports the public functions and nothing internal', () => {
    expect(Object.keys(money).sort()).toEqual([
      'addAmounts',
      'compareAmounts',
      'decimalPlaces',
      'formatAmount',
      'fromMinorUnits',
      'isAmountEqual',
      'normalizeAmount',
      'parseAmount',
      'parseMoney',
      'subtractAmounts',
      'toJsonNumberLiteral',
      'toMinorUnits',
    ]);
  });
});
