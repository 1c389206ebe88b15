import { refundErrorCodes } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { __camel__ErrorTable } from './__name__-error-table';
import { to__Name__Error } from './to-__name__-error';

const answer = (code: string) => JSON.stringify({ code, message: `${code} in words` });

describe('__camel__ErrorTable', () => {
  it.each(Object.entries(__camel__ErrorTable))('maps %s as its row says', (providerCode, row) => {
    expect(refundErrorCodes).toContain(row.code);
    expect(row.description).not.toBe('');
    const error = to__Name__Error({ status: 422, text: answer(providerCode), writes: true, raw: {} });
    expect(error).toMatchObject({ code: row.code, outcome: row.outcome, providerCode, provider: '__name__' });
  });

  it('never says a read may have executed a refund', () => {
    const error = to__Name__Error({ status: 500, text: answer('SYSTEM_ERROR'), writes: false, raw: {} });
    expect(error.outcome).toBe('rejected');
  });

  it('falls back to the HTTP status for a code it does not know', () => {
    const error = to__Name__Error({ status: 503, text: answer('SOMETHING_NEW'), writes: true, raw: {} });
    expect(error).toMatchObject({ code: 'provider_unavailable', outcome: 'unknown' });
  });
});
