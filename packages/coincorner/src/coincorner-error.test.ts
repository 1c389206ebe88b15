import { describe, expect, it } from 'vitest';
import { coincornerError } from './coincorner-error';

describe('coincornerError', () => {
  it('builds the error from the row and the context', () => {
    const error = coincornerError('429', {
      writes: true,
      providerCode: '429',
      providerMessage: 'slow down',
      field: 'Amount',
      raw: { kept: true },
      summary: 'CoinCorner Refund answered HTTP 429',
    });
    expect(error).toMatchObject({
      code: 'rate_limited',
      outcome: 'rejected',
      provider: 'coincorner',
      providerCode: '429',
      providerMessage: 'slow down',
      field: 'Amount',
      raw: { kept: true },
    });
    expect(error.message).toMatch(/^CoinCorner Refund answered HTTP 429\. [A-Z].+\.$/);
    expect(error.retryable).toBe(true);
    expect(error.message).not.toContain('This was a resend');
  });

  it('names the row when the context gives no provider code', () => {
    expect(coincornerError('already-sent', { writes: true, summary: 's' }).providerCode).toBe('already-sent');
  });

  it('makes a resend refused as already sent unknown, never retryable, and says why', () => {
    const error = coincornerError('already-sent', { writes: true, resend: true, summary: 's' });
    expect(error.outcome).toBe('unknown');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(
      'Nothing was sent; check it with getRefund. This was a resend of a refund whose earlier attempt may have executed, and that attempt having executed explains this refusal: the refund is unknown, not failed. Check it with getRefund; never refund it again under a new refundId.',
    );
    expect(coincornerError('already-sent', { writes: true, summary: 's' }).outcome).toBe('not_sent');
  });

  it('gives an HTTP 500 no evidence text: it was unknown anyway', () => {
    const error = coincornerError('500', { writes: true, resend: true, summary: 's' });
    expect(error.outcome).toBe('unknown');
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain('This was a resend');
    expect(coincornerError('500', { writes: false, summary: 's' }).outcome).toBe('rejected');
  });
});
