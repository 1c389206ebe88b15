import { describe, expect, it } from 'vitest';
import type { RefundEvent } from '../ledger/ledger';
import { lastEvidence } from './last-evidence';

const event = (type: string, data: unknown): RefundEvent => ({
  id: '1',
  refundId: 'r',
  type,
  at: new Date(0),
  data,
});

describe('lastEvidence', () => {
  it('gives the latest event with its reason, cause, message or status', () => {
    expect(lastEvidence([])).toBeUndefined();
    expect(
      lastEvidence([event('created', {}), event('needs_attention', { reason: 'lost', evidence: {} })]),
    ).toBe('needs_attention: lost');
    expect(lastEvidence([event('resend_refused', { because: 'the provider shows this refund' })])).toBe(
      'resend_refused: the provider shows this refund',
    );
    expect(lastEvidence([event('status_check_failed', { message: 'timeout' })])).toBe(
      'status_check_failed: timeout',
    );
    expect(lastEvidence([event('sent', undefined)])).toBe('sent');
  });

  it('keeps to one line a person scans', () => {
    expect(lastEvidence([event('x', { reason: 'y'.repeat(500) })])).toHaveLength(160);
  });
});
