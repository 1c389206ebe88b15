import { describe, expect, it } from 'vitest';
import { iotpayError } from './iotpay-error';

const failure = (extra: Partial<Parameters<typeof iotpayError>[0]> = {}) => ({
  kind: 'business' as const,
  operation: 'refund_order',
  writes: true,
  raw: { kept: true },
  ...extra,
});

describe('iotpayError', () => {
  it('reads a documented errCode through the table', () => {
    const error = iotpayError(failure({ errCode: '0013', message: 'sign error' }));
    expect(error).toMatchObject({
      code: 'authentication',
      outcome: 'rejected',
      provider: 'iotpay',
      providerCode: '0013',
      providerMessage: 'sign error',
      raw: { kept: true },
    });
    expect(error.message).toMatch(/^IOTPay refund_order failed: sign error \(code 0013\)\. .+/);
    expect(error.message).not.toContain('This was a resend');
  });

  it('finds the code in the message when there is no errCode', () => {
    expect(iotpayError(failure({ errCode: null, message: 'System error' }))).toMatchObject({
      providerCode: '0010',
      code: 'provider_unavailable',
      outcome: 'unknown',
    });
  });

  it('makes a resend refused with 0014 unknown, explaining why', () => {
    const error = iotpayError(failure({ errCode: '0014', resend: true }));
    expect(error.outcome).toBe('unknown');
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(
      'This was a resend of a refund whose earlier attempt may have executed, and that attempt having executed explains this refusal: the refund is unknown, not failed.',
    );
    expect(error.message).toContain('Check it with getRefund; never refund it again under a new refundId.');
    expect(iotpayError(failure({ errCode: '0014' })).outcome).toBe('rejected');
  });

  it('keeps an unknown row of a resend without the resend advice', () => {
    const error = iotpayError(failure({ errCode: '0010', resend: true }));
    expect(error.outcome).toBe('unknown');
    expect(error.message).not.toContain('This was a resend');
  });

  it('tells a failed read that nothing was changed', () => {
    const error = iotpayError(failure({ errCode: '0010', writes: false, operation: 'refund_query' }));
    expect(error.outcome).toBe('rejected');
    expect(error.message).toBe(
      'IOTPay refund_query failed (code 0010). Nothing was changed by this query; try it again later.',
    );
    const rejected = iotpayError(failure({ errCode: '0013', writes: false }));
    expect(rejected.message).not.toContain('Nothing was changed');
  });

  it('leaves an undocumented business failure after a write to reconciliation', () => {
    const error = iotpayError(failure({ message: 'something odd' }));
    expect(error).toMatchObject({ code: 'declined', outcome: 'unknown' });
    expect(error.providerCode).toBeUndefined();
    expect(error.message).toBe(
      'IOTPay refund_order failed: something odd. IOTPay gave no documented code; the refund may have been executed: check it with getRefund before sending it again.',
    );
  });

  it('calls an undocumented communication failure unavailable, and a read of one rejected', () => {
    const error = iotpayError(failure({ kind: 'communication', writes: false, errCode: 'X9' }));
    expect(error).toMatchObject({ code: 'provider_unavailable', outcome: 'rejected', providerCode: 'X9' });
    expect(error.message).toBe(
      'IOTPay refund_order failed (code X9). IOTPay gave no documented code; check the request and the account.',
    );
    expect(error.providerMessage).toBeUndefined();
  });

  it('never takes an inherited name for a documented code', () => {
    const error = iotpayError(failure({ errCode: 'constructor' }));
    expect(error).toMatchObject({ code: 'declined', outcome: 'unknown', providerCode: 'constructor' });
    expect(error.message).toContain('IOTPay gave no documented code; the refund may have been executed:');
  });
});
