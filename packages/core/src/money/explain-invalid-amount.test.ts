import { describe, expect, it } from 'vitest';
import { explainInvalidAmount } from './explain-invalid-amount';

describe('explainInvalidAmount', () => {
  it('explains why a number is refused', () => {
    expect(explainInvalidAmount(10.5, 'amount', false)).toBe(
      'amount must be a decimal string such as "10.50", got the number 10.5: JavaScript numbers cannot hold money exactly',
    );
  });

  it('refuses a minus sign only when negatives are not allowed', () => {
    expect(explainInvalidAmount('-5', 'amount', false)).toMatch(/must not be negative/);
    expect(explainInvalidAmount('-5.', 'amount', true)).toMatch(
      /needs digits after the decimal point.*write "-5"/,
    );
    expect(explainInvalidAmount('-.5', 'amount', true)).toMatch(
      /digit before the decimal point.*write "-0\.5"/,
    );
  });

  it('names the field it is given', () => {
    expect(explainInvalidAmount('x', 'refund.amount', false)).toMatch(/^refund\.amount /);
  });
});
