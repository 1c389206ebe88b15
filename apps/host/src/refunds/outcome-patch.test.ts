import { RefundError, type RefundResult } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { failurePatch, neverProcessed, resultPatch } from './outcome-patch';

const now = new Date('2030-01-01T00:00:00.000Z');

const result = (status: RefundResult['status'], extra: Partial<RefundResult> = {}): RefundResult => ({
  refundId: 'refund-1',
  provider: 'memorypay',
  status,
  amount: { amount: '1.00', currency: 'USD' },
  raw: { said: status },
  ...extra,
});

const refusal = (code: RefundError['code'], outcome: RefundError['outcome']) =>
  new RefundError({
    code,
    outcome,
    provider: 'memorypay',
    providerCode: 'E1',
    raw: { code: 'E1' },
    message: `${code} (${outcome})`,
  });

describe('resultPatch', () => {
  it('keeps a pending refund on the schedule two seconds out, and clears what the answer settles', () => {
    const { patch, event } = resultPatch(
      result('pending', { providerRefundId: 'p-1' }),
      now,
      'status_checked',
    );
    expect(patch).toEqual({
      state: 'pending',
      providerStatus: 'pending',
      providerRefundId: 'p-1',
      failure: null,
      failureOutcome: null,
      checkFailures: 0,
      notFoundAt: null,
      nextCheckAt: new Date(now.getTime() + 2_000),
      leaseOwner: null,
      leaseUntil: null,
    });
    expect(event).toEqual({
      type: 'status_checked',
      data: { status: 'pending', providerRefundId: 'p-1', raw: { said: 'pending' } },
    });
  });

  it('takes a final answer off the schedule', () => {
    const { patch } = resultPatch(result('succeeded'), now, 'provider_accepted');
    expect(patch).toMatchObject({
      state: 'succeeded',
      providerRefundId: null,
      failureOutcome: null,
      nextCheckAt: null,
    });
  });

  it('records a refund the provider reports failed as rejected, with its failure', () => {
    const failure = { code: 'declined', message: 'insufficient balance' };
    const { patch } = resultPatch(result('failed', { failure }), now, 'status_checked');
    expect(patch).toMatchObject({ state: 'failed', failure, failureOutcome: 'rejected', nextCheckAt: null });
  });
});

describe('neverProcessed', () => {
  it('is true for a request that never left, and for refusals before processing', () => {
    expect(neverProcessed(refusal('network', 'not_sent'))).toBe(true);
    expect(neverProcessed(refusal('rate_limited', 'rejected'))).toBe(true);
    expect(neverProcessed(refusal('authentication', 'rejected'))).toBe(true);
    expect(neverProcessed(refusal('provider_unavailable', 'rejected'))).toBe(true);
  });

  it('is false for anything that may have reached the refund', () => {
    expect(neverProcessed(refusal('declined', 'rejected'))).toBe(false);
    expect(neverProcessed(refusal('duplicate', 'rejected'))).toBe(false);
    expect(neverProcessed(refusal('rate_limited', 'unknown'))).toBe(false);
    expect(neverProcessed(refusal('provider_unavailable', 'unknown'))).toBe(false);
    expect(neverProcessed(new Error('socket hang up'))).toBe(false);
    expect(neverProcessed({ outcome: 'not_sent', code: 'network' })).toBe(false);
  });
});

describe('failurePatch', () => {
  it('ends a first attempt the provider refused as failed and rejected, off the schedule', () => {
    const { patch, event } = failurePatch(refusal('declined', 'rejected'), now, 'provider_failed');
    expect(patch).toEqual({
      state: 'failed',
      failure: { code: 'declined', message: 'declined (rejected)' },
      failureOutcome: 'rejected',
      nextCheckAt: null,
      leaseOwner: null,
      leaseUntil: null,
    });
    expect(event).toEqual({
      type: 'provider_failed',
      data: {
        code: 'declined',
        outcome: 'rejected',
        attempt: 'first',
        message: 'declined (rejected)',
        providerCode: 'E1',
        raw: { code: 'E1' },
      },
    });
  });

  it('ends a first attempt that never left as failed and not_sent', () => {
    expect(failurePatch(refusal('network', 'not_sent'), now, 'provider_failed').patch).toMatchObject({
      state: 'failed',
      failureOutcome: 'not_sent',
    });
    expect(failurePatch(refusal('rate_limited', 'rejected'), now, 'provider_failed').patch).toMatchObject({
      state: 'failed',
      failureOutcome: 'not_sent',
    });
  });

  it('leaves an answer that may have moved money unknown, for the reconciler a second out', () => {
    const { patch, event } = failurePatch(refusal('timeout', 'unknown'), now, 'provider_failed');
    expect(patch).toEqual({
      state: 'unknown',
      failure: { code: 'timeout', message: 'timeout (unknown)' },
      failureOutcome: 'unknown',
      nextCheckAt: new Date(now.getTime() + 1_000),
      leaseOwner: null,
      leaseUntil: null,
    });
    expect(event.data).toMatchObject({ outcome: 'unknown', attempt: 'first' });
  });

  it('leaves an unexpected error unknown: the refund may have been executed', () => {
    const { patch, event } = failurePatch(new TypeError('boom'), now, 'provider_failed');
    expect(patch).toMatchObject({
      state: 'unknown',
      failureOutcome: 'unknown',
      failure: {
        code: 'internal',
        message: 'The provider call failed unexpectedly; the refund may have been executed.',
      },
    });
    expect(event.data).toMatchObject({ code: 'internal', outcome: 'unknown' });
    expect((event.data as { providerCode?: string }).providerCode).toBeUndefined();
  });

  it('never ends a resend failed, whatever its refusal: the first attempt may have executed', () => {
    for (const [code, outcome] of [
      ['duplicate', 'rejected'],
      ['declined', 'rejected'],
      ['network', 'not_sent'],
    ] as const) {
      const { patch, event } = failurePatch(refusal(code, outcome), now, 'resend_failed', 'resend');
      expect(patch.state).toBe('unknown');
      expect(patch.nextCheckAt).toEqual(new Date(now.getTime() + 1_000));
      expect(event).toMatchObject({ type: 'resend_failed', data: { attempt: 'resend', outcome } });
    }
  });
});
