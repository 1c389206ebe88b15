import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { RefundError } from './refund-error';

describe('RefundError', () => {
  it('carries the contract fields and derives retryable from code and outcome', () => {
    const error = new RefundError({
      code: 'provider_unavailable',
      outcome: 'rejected',
      provider: 'gatepay',
      providerCode: '300000',
      providerMessage: 'System error',
      message: 'GatePay is unavailable.',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RefundError');
    expect(error.retryable).toBe(true);
    expect(error.providerCode).toBe('300000');
  });

  it('never calls an unknown outcome retryable: the caller must reconcile first', () => {
    const error = new RefundError({ code: 'timeout', outcome: 'unknown', message: 'timed out' });
    expect(error.retryable).toBe(false);
  });

  it('is recognised across two copies of the package', () => {
    const error = new RefundError({ code: 'declined', outcome: 'rejected', message: 'no' });
    // A second copy has its own class but the same registry symbol; a plain object with the marker stands in.
    const copy = Object.defineProperty({}, Symbol.for('@refunds/core/refund-error'), { value: true });
    expect(RefundError.isInstance(error)).toBe(true);
    expect(RefundError.isInstance(copy)).toBe(true);
    expect(RefundError.isInstance(new Error('plain'))).toBe(false);
    expect(RefundError.isInstance({ code: 'declined' })).toBe(false);
    expect(RefundError.isInstance(null)).toBe(false);
  });

  it('serializes and inspects without its cause', () => {
    const error = new RefundError({
      code: 'network',
      outcome: 'unknown',
      message: 'connection reset',
      cause: { request: 'body with SECRET-IN-CAUSE' },
    });
    expect(JSON.stringify(error)).toContain('"code":"network"');
    expect(JSON.stringify(error)).not.toContain('SECRET-IN-CAUSE');
    expect(inspect(error)).toContain('network/unknown');
    expect(inspect(error)).not.toContain('SECRET-IN-CAUSE');
  });
});
