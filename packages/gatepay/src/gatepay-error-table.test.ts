import { type ErrorTableRow, RefundError } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import {
  createRecordingFetch,
  failEnvelope,
  successEnvelope,
  testCredentials,
} from './__fixtures__/recording-fetch';
import { createGatePayClient } from './create-gatepay-client';
import { gatePayErrorTable } from './gatepay-error-table';

// GatePay's documented table (reference A6): every code, and the HTTP status it comes with.
const documentedCodes: Record<string, number> = {
  '300000': 500,
  '300001': 500,
  '400000': 500,
  '400001': 200,
  '400002': 200,
  '400003': 200,
  '400004': 200,
  '400007': 200,
  '400020': 200,
  '400201': 200,
  '400202': 200,
  '400203': 200,
  '400204': 200,
  '400205': 200,
  '400304': 200,
  '400603': 200,
  '400604': 200,
  '400605': 200,
  '400607': 200,
  '400608': 200,
  '400620': 200,
  '400621': 200,
  '400622': 200,
  '400623': 200,
  '400624': 200,
  '500008': 200,
  '500100': 200,
  '500101': 200,
  '500103': 200,
  '500203': 200,
  '500204': 200,
  '500205': 200,
  '500206': 200,
  '500207': 200,
  '500208': 200,
};

// What a merchant must be told for the codes that decide what happens to the money.
const expectedMeaning: Record<string, [string, string]> = {
  '300000': ['provider_unavailable', 'unknown'],
  '400002': ['authentication', 'rejected'],
  '400202': ['not_found', 'rejected'],
  '400304': ['not_found', 'rejected'],
  '400605': ['declined', 'rejected'],
  '400608': ['declined', 'rejected'],
  '500206': ['declined', 'rejected'],
  '500208': ['invalid_request', 'rejected'],
};

const refundBody = { refundRequestId: 'r-1', prepayId: '1647438500687506', refundAmount: '0.8' };

async function failureFor(code: string, operation: 'write' | 'read'): Promise<RefundError> {
  const { fetch } = createRecordingFetch(() => ({
    status: documentedCodes[code] ?? 200,
    body: failEnvelope(code, 'label', 'message'),
  }));
  const client = createGatePayClient({ ...testCredentials, fetch, baseUrl: 'http://127.0.0.1:9' });
  const call =
    operation === 'write' ? client.orderRefund(refundBody) : client.refundDetails({ refundRequestId: 'r-1' });
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(RefundError.isInstance(error)).toBe(true);
  return error as RefundError;
}

describe('gatePayErrorTable', () => {
  it('has a row for every documented code and nothing else', () => {
    expect(Object.keys(gatePayErrorTable).sort()).toEqual(Object.keys(documentedCodes).sort());
  });

  it.each(Object.entries(gatePayErrorTable as Record<string, ErrorTableRow>))(
    'maps %s after a refund call',
    async (code, row) => {
      const error = await failureFor(code, 'write');
      expect(error.code).toBe(row.code);
      expect(error.outcome).toBe(row.outcome);
      expect(error.providerCode).toBe(code);
      expect(error.providerMessage).toBe('label: message');
      expect(error.provider).toBe('gatepay');
      expect(error.retryable).toBe(row.retryable ?? false);
      expect(error.message).toContain(code);
      const meaning = expectedMeaning[code];
      if (meaning) expect([error.code, error.outcome]).toEqual(meaning);
    },
  );

  it.each(Object.keys(gatePayErrorTable))(
    'maps %s after a query without claiming the query may have executed',
    async (code) => {
      const error = await failureFor(code, 'read');
      expect(error.outcome).not.toBe('unknown');
      expect(error.code).toBe(gatePayErrorTable[code as keyof typeof gatePayErrorTable].code);
    },
  );

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
