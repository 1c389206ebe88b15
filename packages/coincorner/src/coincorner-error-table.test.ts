import { type ErrorTableRow, RefundError } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { scriptedFetch } from './__fixtures__/scripted-fetch';
import { testCredentials, testnetAddress } from './__fixtures__/test-credentials';
import { coincornerErrorTable } from './coincorner-error-table';
import { createCoinCorner } from './create-coincorner';
import { createCoinCornerClient } from './create-coincorner-client';

type Answer = { status: number; body?: string };
const refundRequest = {
  refundId: 'table-1',
  orderId: '55',
  amount: { amount: '10.00', currency: 'GBP' },
  destination: { address: testnetAddress },
};

async function failureOf(promise: Promise<unknown>): Promise<RefundError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!RefundError.isInstance(error)) throw new Error(`expected a RefundError, got ${String(error)}`);
  return error;
}

const refundAnswered = (answer: Answer) => {
  const { fetch } = scriptedFetch(answer);
  return failureOf(createCoinCorner({ ...testCredentials(), fetch }).refund(refundRequest));
};
const checkOrderAnswered = (answer: Answer) => {
  // Reads are retried on 5xx, so the same answer is scripted for every attempt.
  const { fetch } = scriptedFetch(answer, answer, answer);
  return failureOf(createCoinCornerClient({ ...testCredentials(), fetch }).checkOrder({ OrderId: '55' }));
};
const rows = Object.entries(coincornerErrorTable) as [string, ErrorTableRow][];
const message = (text: string) => JSON.stringify({ Message: text });

// How each row is produced, the way CoinCorner would produce it.
const scenarios: Record<keyof typeof coincornerErrorTable, () => Promise<RefundError>> = {
  '400': () => refundAnswered({ status: 400, body: message('Order not found') }),
  'model-state': () =>
    refundAnswered({
      status: 400,
      body: JSON.stringify({
        Message: 'The request is invalid.',
        ModelState: { 'model.Amount': ['Bad value'] },
      }),
    }),
  '401': () =>
    refundAnswered({ status: 401, body: message('Authorization has been denied for this request.') }),
  '403': () => refundAnswered({ status: 403, body: message('Forbidden') }),
  '404': () => refundAnswered({ status: 404, body: message('No HTTP resource was found') }),
  '405': () =>
    refundAnswered({ status: 405, body: message('The requested resource does not support http method') }),
  '415': () =>
    refundAnswered({ status: 415, body: message("The request entity's media type is not supported") }),
  '429': () => refundAnswered({ status: 429, body: message('Too many requests') }),
  '500': () => refundAnswered({ status: 500, body: message('An error has occurred.') }),
  '502': () => refundAnswered({ status: 502, body: '<html>Bad Gateway</html>' }),
  '503': () => refundAnswered({ status: 503, body: '' }),
  '504': () => refundAnswered({ status: 504, body: '<html>Gateway Timeout</html>' }),
  'N/A': () =>
    checkOrderAnswered({
      status: 200,
      body: '{"OrderId":"55","OrderStatusText":"N/A","Error":"Order not found"}',
    }),
  'no-refund': () => {
    const { fetch } = scriptedFetch({
      status: 200,
      body: '{"OrderId":"55","OrderStatus":2,"OrderStatusText":"Complete"}',
    });
    return failureOf(
      createCoinCorner({ ...testCredentials(), fetch }).getRefund({ refundId: 'r', orderId: '55' }),
    );
  },
};

describe('coincornerErrorTable', () => {
  it('has a scenario for every row', () => {
    expect(Object.keys(scenarios).sort()).toEqual(Object.keys(coincornerErrorTable).sort());
  });

  it.each(rows)('maps %s to its row', async (key, row) => {
    const error = await scenarios[key as keyof typeof coincornerErrorTable]();
    expect(error.code).toBe(row.code);
    expect(error.outcome).toBe(row.outcome);
    expect(error.provider).toBe('coincorner');
    expect(error.retryable).toBe(row.outcome === 'unknown' ? false : (row.retryable ?? false));
    expect(error.message).toContain(row.description);
    if (/^\d+$/.test(key)) expect(error.providerCode).toBe(key);
  });

  it("passes CoinCorner's Message on as providerMessage", async () => {
    const error = await scenarios['400']();
    expect(error.providerMessage).toBe('Order not found');
    expect(error.raw).toEqual({ Message: 'Order not found' });
  });

  it.concurrent.each(['500', '503'])(
    'reads a failed read (CheckOrder %s) as rejected: a read executes nothing',
    async (status) => {
      const error = await checkOrderAnswered({ status: Number(status), body: message('down') });
      expect(error.code).toBe('provider_unavailable');
      expect(error.outcome).toBe('rejected');
    },
  );

  it('falls back to core for statuses CoinCorner never uses, keeping a write unknown when it may have run', async () => {
    expect(await refundAnswered({ status: 418, body: '' })).toMatchObject({
      code: 'invalid_request',
      outcome: 'rejected',
    });
    expect(await refundAnswered({ status: 507, body: '' })).toMatchObject({
      code: 'provider_unavailable',
      outcome: 'unknown',
    });
    expect(await refundAnswered({ status: 302, body: '' })).toMatchObject({
      code: 'invalid_response',
      outcome: 'unknown',
    });
  });
});
