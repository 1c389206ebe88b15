import { describe, expect, it } from 'vitest';
import knownAnswers from '../__fixtures__/known-answers.json';
import { hasValidXxPaySign, signLikeXxPay } from './sign-like-xxpay';

describe('signLikeXxPay (the sandbox model of IOTPay server signing)', () => {
  it('reproduces both reference vectors', () => {
    for (const vector of knownAnswers.vectors) {
      expect(signLikeXxPay(vector.params, knownAnswers.merchantKey)).toBe(vector.sign);
    }
  });

  it('sorts the k=v& strings case-insensitively, as Java String.CASE_INSENSITIVE_ORDER', () => {
    // Plain code-unit order would put "B" before "a".
    const sign = signLikeXxPay({ B: '1', a: '2' }, 'K');
    expect(sign).toBe(signLikeXxPay({ a: '2', B: '1' }, 'K'));
    expect(hasValidXxPaySign({ a: '2', B: '1', sign: sign.toLowerCase() }, 'K')).toBe(true);
  });
});
