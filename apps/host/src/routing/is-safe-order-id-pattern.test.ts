import { describe, expect, it } from 'vitest';
import { isSafeOrderIdPattern } from './is-safe-order-id-pattern';

describe('isSafeOrderIdPattern', () => {
  it.each(['GP-\\d+', '\\d{16,19}', 'BP-[\\w-]+', '(GP|BP)-\\d{4,}', '[A-Z]{2}-\\d{4}-\\d+'])(
    'accepts the ordinary pattern %j',
    (pattern) => {
      expect(isSafeOrderIdPattern(pattern)).toBe(true);
    },
  );

  it.each(['(a+)+b', '(\\d*-?)*', '(a*)*', '(a|a)*b', '((a|a)b)+'])(
    'refuses %j, which can take exponential time on an order id built to fail it',
    (pattern) => {
      expect(isSafeOrderIdPattern(pattern)).toBe(false);
    },
  );
});
