import type { RefundError, RefundErrorCode, RefundOutcome } from '@refunds/core';
import { describeErrorTable, refundErrorOf } from '@refunds/core/testing';
import { describe, expect, it } from 'vitest';
import {
  createRecordingFetch,
  failEnvelope,
  successEnvelope,
  testCredentials,
} from './__fixtures__/recording-fetch';
import { createGatePayClient } from './create-gatepay-client';
import { gatePayErrorTable } from './gatepay-error-table';

// GatePay's documented table (reference A6), written out here rather than read from the table under test, so that
// changing a row of the table fails this test: the HTTP status each code comes with, what a merchant must be told
// after a first refund attempt (`code`, `outcome`, `retryable`), and the outcome when the same refund is sent again
// after an unknown outcome (`resend`). HTTP 500 is "may have executed": `unknown` after a refund. A refusal that an
// executed first attempt would explain (the id is used, nothing is left to refund, the order is refunded, the
// balance went to that refund) is `unknown` on a resend: evidence, not a failure.
const documented: Record<
  string,
  { http: number; code: RefundErrorCode; outcome: RefundOutcome; resend: RefundOutcome; retryable?: true }
> = {
  '300000': { http: 500, code: 'provider_unavailable', outcome: 'unknown', resend: 'unknown' },
  '300001': { http: 500, code: 'provider_unavailable', outcome: 'unknown', resend: 'unknown' },
  '400000': { http: 500, code: 'provider_unavailable', outcome: 'unknown', resend: 'unknown' },
  // A reused refundRequestId is expected to get 400001 (GatePay does not document its answer).
  '400001': { http: 200, code: 'invalid_request', outcome: 'rejected', resend: 'unknown' },
  '400002': { http: 200, code: 'authentication', outcome: 'rejected', resend: 'rejected' },
  '400003': { http: 200, code: 'authentication', outcome: 'rejected', resend: 'rejected', retryable: true },
  '400004': { http: 200, code: 'authentication', outcome: 'rejected', resend: 'rejected' },
  '400007': { http: 200, code: 'invalid_request', outcome: 'rejected', resend: 'rejected' },
  '400020': { http: 200, code: 'authentication', outcome: 'rejected', resend: 'rejected', retryable: true },
  '400201': { http: 200, code: 'duplicate', outcome: 'rejected', resend: 'unknown' },
  '400202': { http: 200, code: 'not_found', outcome: 'rejected', resend: 'rejected' },
  '400203': { http: 200, code: 'authentication', outcome: 'rejected', resend: 'rejected' },
  '400204': { http: 200, code: 'declined', outcome: 'rejected', resend: 'unknown' },
  '400205': { http: 200, code: 'invalid_request', outcome: 'rejected', resend: 'rejected' },
  '400304': { http: 200, code: 'not_found', outcome: 'rejected', resend: 'rejected' },
  '400603': { http: 200, code: 'declined', outcome: 'rejected', resend: 'rejected' },
  '400604': { http: 200, code: 'declined', outcome: 'rejected', resend: 'unknown' },
  '400605': { http: 200, code: 'declined', outcome: 'rejected', resend: 'unknown' },
  '400607': { http: 200, code: 'declined', outcome: 'rejected', resend: 'unknown' },
  '400608': { http: 200, code: 'declined', outcome: 'rejected', resend: 'unknown' },
  '400620': { http: 200, code: 'duplicate', outcome: 'rejected', resend: 'rejected' },
  '400621': { http: 200, code: 'invalid_request', outcome: 'rejected', resend: 'rejected' },
  '400622': { http: 200, code: 'declined', outcome: 'rejected', resend: 'rejected', retryable: true },
  '400623': { http: 200, code: 'invalid_request', outcome: 'rejected', resend: 'rejected' },
  '400624': { http: 200, code: 'invalid_request', outcome: 'rejected', resend: 'rejected' },
  '500008': { http: 200, code: 'authentication', outcome: 'rejected', resend: 'rejected' },
  '500100': { http: 200, code: 'declined', outcome: 'rejected', resend: 'rejected' },
  '500101': { http: 200, code: 'duplicate', outcome: 'rejected', resend: 'rejected' },
  '500103': { http: 200, code: 'invalid_request', outcome: 'rejected', resend: 'rejected' },
  '500203': { http: 200, code: 'not_found', outcome: 'rejected', resend: 'rejected' },
  '500204': { http: 200, code: 'invalid_request', outcome: 'rejected', resend: 'rejected' },
  '500205': { http: 200, code: 'invalid_request', outcome: 'rejected', resend: 'rejected' },
  '500206': { http: 200, code: 'declined', outcome: 'rejected', resend: 'unknown' },
  '500207': { http: 200, code: 'not_found', outcome: 'rejected', resend: 'rejected' },
  '500208': { http: 200, code: 'invalid_request', outcome: 'rejected', resend: 'rejected' },
};

const refundBody = { refundRequestId: 'r-1', prepayId: '1647438500687506', refundAmount: '0.8' };

function callFor(code: string, operation: 'write' | 'resend' | 'read'): Promise<unknown> {
  const { fetch } = createRecordingFetch(() => ({
    status: documented[code]?.http ?? 200,
    body: failEnvelope(code, 'label', 'message'),
  }));
  const client = createGatePayClient({ ...testCredentials, fetch, baseUrl: 'http://127.0.0.1:9' });
  return operation === 'read'
    ? client.refundDetails({ refundRequestId: 'r-1' })
    : client.orderRefund(refundBody, operation === 'resend' ? { resend: true } : {});
}

const failureFor = (code: string, operation: 'write' | 'resend' | 'read'): Promise<RefundError> =>
  refundErrorOf(callFor(code, operation));

describeErrorTable({
  provider: 'gatepay',
  table: gatePayErrorTable,
  expected: Object.entries(documented).map(([key, row]) => [key, row.code, row.outcome, row.resend] as const),
  provoke: (code, { resend }) => callFor(code, resend ? 'resend' : 'write'),
});

describe('gatePayErrorTable', () => {
  it.each(Object.entries(documented))(
    'keeps what GatePay said about %s, and a query rejected',
    async (code, expected) => {
      const error = await failureFor(code, 'write');
      expect(error.retryable).toBe(expected.retryable ?? false);
      expect(error.providerCode).toBe(code);
      expect(error.providerMessage).toBe('label: message');
      expect(error.message).toContain(code);
      // A query executes nothing.
      const read = await failureFor(code, 'read');
      expect([read.code, read.outcome]).toEqual([expected.code, 'rejected']);
    },
  );

  it('refuses a first attempt answered "refundRequestId already used" (400001), but not the same answer to a resend', async () => {
    const { fetch } = createRecordingFetch(() => ({
      body: failEnvelope('400001', 'Parameter error: refundRequestId already used'),
    }));
    const client = createGatePayClient({ ...testCredentials, fetch, baseUrl: 'http://127.0.0.1:9' });
    await expect(client.standardOrderRefund({ ...refundBody, refundReason: 'r' })).rejects.toMatchObject({
      outcome: 'rejected',
    });
    await expect(
      client.standardOrderRefund({ ...refundBody, refundReason: 'r' }, { resend: true }),
    ).rejects.toMatchObject({ outcome: 'unknown', code: 'invalid_request', providerCode: '400001' });
  });

  it('never resends a refund answered 300000, but repeats a query that was', async () => {
    const { fetch, requests } = createRecordingFetch(() => ({
      status: 500,
      body: failEnvelope('300000', 'System error'),
    }));
    const client = createGatePayClient({ ...testCredentials, fetch, baseUrl: 'http://127.0.0.1:9' });
    await expect(client.orderRefund(refundBody)).rejects.toMatchObject({ outcome: 'unknown' });
    expect(requests.filter((request) => request.url.pathname === '/v1/pay/order/refund')).toHaveLength(1);
    await expect(client.orderRefundQuery({ refundRequestId: 'r-1' })).rejects.toMatchObject({
      outcome: 'rejected',
    });
    expect(requests.filter((request) => request.url.pathname === '/v1/pay/order/refund/query')).toHaveLength(
      3,
    );
  });

  it('leaves an undocumented failure code after a write to reconciliation', async () => {
    const error = await failureFor('499999', 'write');
    expect(error.outcome).toBe('unknown');
    expect(error.providerCode).toBe('499999');
    expect(error.message).toMatch(/getRefund/);
  });

  it('branches on status, never on code: FAIL with code 000000 is a failure, SUCCESS with 00000 or null is success', async () => {
    const data = { refundRequestId: 'r-1', prepayId: '1647438500687506', refundAmount: '0.8' };
    for (const [status, code, succeeds] of [
      ['FAIL', '000000', false],
      ['SUCCESS', '00000', true],
      ['SUCCESS', null, true],
      ['SUCCESS', 'INVALID_REQUEST', true],
    ] as const) {
      const body = JSON.stringify({
        status,
        code,
        label: null,
        errorMessage: null,
        data: status === 'SUCCESS' ? data : {},
      });
      const { fetch } = createRecordingFetch(() => ({ body }));
      const client = createGatePayClient({ ...testCredentials, fetch, baseUrl: 'http://127.0.0.1:9' });
      const outcome = await client.orderRefund(refundBody).then(
        () => 'succeeded',
        () => 'failed',
      );
      expect(outcome, `${status} ${code}`).toBe(succeeds ? 'succeeded' : 'failed');
    }
    expect(successEnvelope(data)).toContain('"status":"SUCCESS"');
  });
});
