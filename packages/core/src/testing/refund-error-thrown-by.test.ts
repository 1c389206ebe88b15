import { describe, expect, it } from 'vitest';
import { RefundError } from '../errors/refund-error';
import { refundErrorThrownBy } from './refund-error-thrown-by';

describe('refundErrorThrownBy', () => {
  it('returns the RefundError thrown', () => {
    const thrown = new RefundError({ code: 'timeout', outcome: 'unknown', message: 'too slow' });
    expect(
      refundErrorThrownBy(() => {
        throw thrown;
      }),
    ).toBe(thrown);
  });

  it('fails the test when nothing is thrown, or something other than a RefundError', () => {
    expect(() => refundErrorThrownBy(() => 'fine')).toThrow(/expected a RefundError, got undefined/);
    expect(() =>
      refundErrorThrownBy(() => {
        throw new TypeError('plain');
      }),
    ).toThrow(/expected a RefundError, got TypeError: plain/);
  });
});
