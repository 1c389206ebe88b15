import { describe, expect, it } from 'vitest';
import { gatePayFailureError } from './gatepay-failure-error';

const redactText = (text: string) => text.replaceAll('sk_live', '[redacted]');
const context = (extra: Partial<Parameters<typeof gatePayFailureError>[1]> = {}) => ({
  writes: true,
  resend: false,
  httpStatus: 200,
  raw: { kept: true },
  redactText,
  ...extra,
});

describe('gatePayFailureError', () => {
  it('reads a documented code through the table, with GatePay words redacted', () => {
    const error = gatePayFailureError(
      { status: 'FAIL', code: '400002', label: 'INVALID_SIGNATURE', errorMessage: 'bad sk_live key' },
      context(),
    );
    expect(error).toMatchObject({
      code: 'authentication',
      outcome: 'rejected',
      provider: 'gatepay',
      providerCode: '400002',
      providerMessage: 'INVALID_SIGNATURE: bad [redacted] key',
      raw: { kept: true },
    });
    expect(error.message).toMatch(
      /^GatePay answered FAIL with code 400002 \(INVALID_SIGNATURE: bad \[redacted\] key\): .+\.$/,
    );
    expect(error.message).not.toContain('check it with getRefund');
  });

  it('reads a numeric code as its digits and tells a may-have-executed answer to check first', () => {
    const error = gatePayFailureError({ status: 'FAIL', code: 300000 }, context({ httpStatus: 500 }));
    expect(error).toMatchObject({ code: 'provider_unavailable', outcome: 'unknown', providerCode: '300000' });
    expect(error.providerMessage).toBeUndefined();
    expect(error.message).toContain('GatePay answered FAIL with code 300000: ');
    expect(error.message).toMatch(
      /the refund may have been executed: check it with getRefund before sending it again\.$/,
    );
  });

  it('makes a refused resend that the first attempt explains unknown, and a read never unknown', () => {
    expect(gatePayFailureError({ status: 'FAIL', code: '400608' }, context({ resend: true })).outcome).toBe(
      'unknown',
    );
    expect(gatePayFailureError({ status: 'FAIL', code: '400608' }, context()).outcome).toBe('rejected');
    expect(gatePayFailureError({ status: 'FAIL', code: '300000' }, context({ writes: false })).outcome).toBe(
      'rejected',
    );
  });

  it('keeps the retryable flag of the row', () => {
    expect(gatePayFailureError({ status: 'FAIL', code: '400003' }, context()).retryable).toBe(true);
    expect(gatePayFailureError({ status: 'FAIL', code: '400002' }, context()).retryable).toBe(false);
  });

  it('leaves an undocumented code after a write to reconciliation, and calls a 5xx unavailable', () => {
    const error = gatePayFailureError(
      { status: 'FAIL', code: '999999', errorMessage: 'odd' },
      context({ httpStatus: 500 }),
    );
    expect(error).toMatchObject({
      code: 'provider_unavailable',
      outcome: 'unknown',
      providerCode: '999999',
      provider: 'gatepay',
    });
    expect(error.message).toBe(
      "GatePay answered FAIL with code 999999 (odd), a code missing from GatePay's documented table; the refund may have been executed: check it with getRefund before sending it again.",
    );
    expect(error.raw).toEqual({ kept: true });
  });

  it('declines an undocumented code below 500, and a read of one is rejected', () => {
    const error = gatePayFailureError(
      { status: 'FAIL', code: '999999' },
      context({ httpStatus: 499, writes: false }),
    );
    expect(error).toMatchObject({ code: 'declined', outcome: 'rejected' });
    expect(error.message).toBe(
      "GatePay answered FAIL with code 999999, a code missing from GatePay's documented table.",
    );
  });

  it('names a missing status and code, and never takes an inherited name for a code', () => {
    const none = gatePayFailureError({ status: '', code: null }, context({ httpStatus: 200 }));
    expect(none.providerCode).toBeUndefined();
    expect(none.message).toContain('GatePay answered without a status with code (none),');
    expect(none).toMatchObject({ code: 'declined', outcome: 'unknown' });
    const missing = gatePayFailureError({ status: 'FAIL', code: undefined }, context());
    expect(missing.providerCode).toBeUndefined();
    expect(missing.message).toContain('with code (none),');
    const inherited = gatePayFailureError({ status: 'FAIL', code: 'toString' }, context());
    expect(inherited.message).toContain('missing from');
  });
});
