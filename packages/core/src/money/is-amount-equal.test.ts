import { describe, expect, it } from 'vitest';
import { isAmountEqual } from './is-amount-equal';

describe('isAmountEqual', () => {
  it('compares values, not text', () => {
    expect(isAmountEqual('10.50', '10.5')).toBe(true);
    expect(isAmountEqual('0', '0.00')).toBe(true);
    expect(isAmountEqual('-0', '0')).toBe(true);
    expect(isAmountEqual('10.5', '10.51')).toBe(false);
    expect(isAmountEqual('0.30000000000000000', '0.3')).toBe(true);
  });

  it('refuses anything but a decimal string', () => {
    expect(() => isAmountEqual('1', '1.')).toThrow(
      expect.objectContaining({
        code: 'invalid_request',
        field: 'amount',
        message: expect.stringMatching(/after/),
      }),
    );
  });
});
