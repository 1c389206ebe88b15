import { describe, expect, it } from 'vitest';
import { refusalOutcome } from './refusal-outcome';

describe('refusalOutcome', () => {
  it('keeps a first attempt as the table says', () => {
    expect(refusalOutcome({ outcome: 'rejected', mayFollowExecution: true }, { writes: true })).toBe(
      'rejected',
    );
    expect(refusalOutcome({ outcome: 'unknown' }, { writes: true })).toBe('unknown');
  });

  it('treats a resend refused for a reason the first attempt explains as evidence it executed', () => {
    expect(
      refusalOutcome({ outcome: 'rejected', mayFollowExecution: true }, { writes: true, resend: true }),
    ).toBe('unknown');
  });

  it('keeps other refusals of a resend as they are', () => {
    expect(refusalOutcome({ outcome: 'rejected' }, { writes: true, resend: true })).toBe('rejected');
    expect(refusalOutcome({ outcome: 'not_sent' }, { writes: true, resend: true })).toBe('not_sent');
  });

  it('never reports a read as possibly executed', () => {
    expect(refusalOutcome({ outcome: 'unknown' }, { writes: false })).toBe('rejected');
    expect(
      refusalOutcome({ outcome: 'rejected', mayFollowExecution: true }, { writes: false, resend: true }),
    ).toBe('rejected');
  });

  it('keeps a read that provably never left as not sent', () => {
    expect(refusalOutcome({ outcome: 'not_sent' }, { writes: false })).toBe('not_sent');
  });
});
