import { describe, expect, it } from 'vitest';
import { httpStatusError } from './http-status-error';

describe('httpStatusError', () => {
  it.each([
    [401, true, 'authentication', 'rejected'],
    [404, true, 'unsupported', 'rejected'],
    [409, true, 'duplicate', 'rejected'],
    [429, true, 'rate_limited', 'rejected'],
    [400, true, 'invalid_request', 'rejected'],
    [500, true, 'provider_unavailable', 'unknown'],
    [503, false, 'provider_unavailable', 'rejected'],
    [501, true, 'unsupported', 'rejected'],
  ] as const)('HTTP %i (write: %s) is %s / %s', (status, writes, code, outcome) => {
    const error = httpStatusError({ provider: 'testpay', status, writes });
    expect(error.code).toBe(code);
    expect(error.outcome).toBe(outcome);
    expect(error.providerCode).toBe(String(status));
  });

  it('tells the caller to check before resending after a failed write', () => {
    expect(httpStatusError({ provider: 'testpay', status: 502, writes: true }).message).toMatch(/getRefund/);
  });
});
