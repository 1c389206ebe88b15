import { describe, expect, it } from 'vitest';
import { RefundError } from '../errors/refund-error';
import { invalidAmount } from './invalid-amount';

describe('invalidAmount', () => {
  it('builds an invalid_request error that says nothing was sent', () => {
    const error = invalidAmount('amount', 'amount must be positive');
    expect(error).toBeInstanceOf(RefundError);
    expect(error).toMatchObject({
      code: 'invalid_request',
      outcome: 'not_sent',
      field: 'amount',
      message: 'amount must be positive',
    });
  });
});
