import { describe, expect, it } from 'vitest';
import { defineErrorTable } from '../errors/error-table';
import { findErrorTableRow, refundErrorFromTable } from './refund-error-from-table';

const table = defineErrorTable({
  '1001': { code: 'duplicate', outcome: 'rejected', mayFollowExecution: true, description: 'Id used' },
  '1002': { code: 'provider_unavailable', outcome: 'unknown', description: 'System error' },
  '1003': { code: 'rate_limited', outcome: 'rejected', retryable: true, description: 'Too fast' },
});
const base = { provider: 'example', table, summary: 'Example answered' };

describe('refundErrorFromTable', () => {
  it('applies a row as documented on a first attempt', () => {
    const error = refundErrorFromTable({ ...base, key: '1001', writes: true });
    expect(error.code).toBe('duplicate');
    expect(error.outcome).toBe('rejected');
    expect(error.providerCode).toBe('1001');
    expect(error.message).toBe('Example answered: Id used.');
  });

  it('turns a refusal that an executed first attempt explains into unknown on a resend', () => {
    const error = refundErrorFromTable({ ...base, key: '1001', writes: true, resend: true });
    expect(error.outcome).toBe('unknown');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/unknown, not failed.*getRefund/);
  });

  it('keeps an unknown write unknown and never calls it retryable', () => {
    const error = refundErrorFromTable({ ...base, key: '1002', writes: true });
    expect(error.outcome).toBe('unknown');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/may have been executed: check it with getRefund/);
  });

  it('never reports a read as possibly executed', () => {
    expect(refundErrorFromTable({ ...base, key: '1002', writes: false }).outcome).toBe('rejected');
  });

  it('keeps a retryable row retryable', () => {
    expect(refundErrorFromTable({ ...base, key: '1003', writes: true }).retryable).toBe(true);
  });

  it('leaves an undocumented answer to reconciliation after a write, rejected after a read', () => {
    const write = refundErrorFromTable({ ...base, key: '9999', writes: true });
    expect(write.code).toBe('declined');
    expect(write.outcome).toBe('unknown');
    expect(write.message).toBe(
      "Example answered, a code missing from example's documented table; the refund may have been executed: check it with getRefund before sending it again.",
    );
    const read = refundErrorFromTable({
      ...base,
      key: undefined,
      writes: false,
      undocumentedCode: 'network',
    });
    expect(read.code).toBe('network');
    expect(read.outcome).toBe('rejected');
  });

  it('ignores keys inherited from Object.prototype', () => {
    expect(findErrorTableRow(table, 'toString')).toBeUndefined();
    expect(refundErrorFromTable({ ...base, key: 'constructor', writes: true }).outcome).toBe('unknown');
  });

  it('keeps a table written in whole sentences in sentences, with the advice said once', () => {
    const sentences = defineErrorTable({
      '2001': { code: 'duplicate', outcome: 'rejected', mayFollowExecution: true, description: 'Id used.' },
      '2002': { code: 'provider_unavailable', outcome: 'unknown', description: 'System error.' },
      '2003': {
        code: 'provider_unavailable',
        outcome: 'unknown',
        description: 'System error. Check getRefund first.',
      },
    });
    const at = (key: string, resend = false) =>
      refundErrorFromTable({ ...base, table: sentences, key, writes: true, resend }).message;
    expect(at('2001')).toBe('Example answered. Id used.');
    expect(at('2001', true)).toBe(
      'Example answered. Id used. This was a resend of a refund whose earlier attempt may have executed, and that attempt having executed explains this refusal: the refund is unknown, not failed. Check it with getRefund; never refund it again under a new refundId.',
    );
    expect(at('2002')).toBe(
      'Example answered. System error. The refund may have been executed: check it with getRefund before sending it again.',
    );
    expect(at('2003')).toBe('Example answered. System error. Check getRefund first.');
  });
});
