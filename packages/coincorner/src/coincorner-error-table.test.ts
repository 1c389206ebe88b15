import type { RefundError, RefundErrorCode, RefundOutcome } from '@refunds/core';
import { describeErrorTable, refundErrorOf as failureOf } from '@refunds/core/testing';
import { describe, expect, it } from 'vitest';
import { scriptedFetch } from './__fixtures__/scripted-fetch';
import { testCredentials, testnetAddress } from './__fixtures__/test-credentials';
import { coincornerErrorTable } from './coincorner-error-table';
import { createCoinCorner } from './create-coincorner';
import { createCoinCornerClient } from './create-coincorner-client';

type Answer = { status: number; body?: string };
type Attempt = { resend: boolean };
const refundRequest = {
  refundId: 'table-1',
  orderId: '55',
  amount: { amount: '10.00', currency: 'GBP' },
  destination: { address: testnetAddress },
};

// These scenarios test RefundOrder's own answers, so the pre-flight GetOrder is off here.
const refundAnswered = (attempt: Attempt, ...answers: Answer[]) => {
  const { fetch } = scriptedFetch(...answers);
  const provider = createCoinCorner({ ...testCredentials(), fetch, verifyOrderBeforeRefund: false });
  return failureOf(provider.refund(refundRequest, attempt));
};
const checkOrderAnswered = (answer: Answer) => {
  // Reads are retried on 5xx, so the same answer is scripted for every attempt.
  const { fetch } = scriptedFetch(answer, answer, answer);
  return failureOf(createCoinCornerClient({ ...testCredentials(), fetch }).checkOrder({ OrderId: '55' }));
};
const message = (text: string) => JSON.stringify({ Message: text });

interface Expectation {
  code: RefundErrorCode;
  outcome: RefundOutcome;
  /** The outcome when the refund is a resend (`{ resend: true }`); a read has none. */
  outcomeOnResend?: RefundOutcome;
  retryable: boolean;
}

/**
 * How CoinCorner (or the adapter) produces each row, and what the row must then mean, written here from the
 * protocol reference rather than read from the table under test: flipping a row in the table must fail a test.
 */
const rows: Record<
  keyof typeof coincornerErrorTable,
  { produce: (attempt: Attempt) => Promise<RefundError>; expected: Expectation }
> = {
  // Every refusal; on a resend, "order already refunded" or "amount above what remains" explain it.
  '400': {
    produce: (attempt) => refundAnswered(attempt, { status: 400, body: message('Order not found') }),
    expected: { code: 'declined', outcome: 'rejected', outcomeOnResend: 'unknown', retryable: false },
  },
  nonce: {
    produce: (attempt) =>
      refundAnswered(attempt, ...Array(4).fill({ status: 400, body: message('Invalid nonce') })),
    expected: { code: 'authentication', outcome: 'rejected', outcomeOnResend: 'rejected', retryable: true },
  },
  'model-state': {
    produce: (attempt) =>
      refundAnswered(attempt, {
        status: 400,
        body: JSON.stringify({
          Message: 'The request is invalid.',
          ModelState: { 'model.Amount': ['Bad value'] },
        }),
      }),
    expected: { code: 'invalid_request', outcome: 'rejected', outcomeOnResend: 'rejected', retryable: false },
  },
  '401': {
    produce: (attempt) =>
      refundAnswered(attempt, {
        status: 401,
        body: message('Authorization has been denied for this request.'),
      }),
    expected: { code: 'authentication', outcome: 'rejected', outcomeOnResend: 'rejected', retryable: false },
  },
  '403': {
    produce: (attempt) => refundAnswered(attempt, { status: 403, body: message('Forbidden') }),
    expected: { code: 'authentication', outcome: 'rejected', outcomeOnResend: 'rejected', retryable: false },
  },
  '404': {
    produce: (attempt) =>
      refundAnswered(attempt, { status: 404, body: message('No HTTP resource was found') }),
    expected: { code: 'not_found', outcome: 'rejected', outcomeOnResend: 'rejected', retryable: false },
  },
  '405': {
    produce: (attempt) =>
      refundAnswered(attempt, {
        status: 405,
        body: message('The requested resource does not support http method'),
      }),
    expected: { code: 'invalid_request', outcome: 'rejected', outcomeOnResend: 'rejected', retryable: false },
  },
  '415': {
    produce: (attempt) =>
      refundAnswered(attempt, {
        status: 415,
        body: message("The request entity's media type is not supported"),
      }),
    expected: { code: 'invalid_request', outcome: 'rejected', outcomeOnResend: 'rejected', retryable: false },
  },
  '429': {
    produce: (attempt) => refundAnswered(attempt, { status: 429, body: message('Too many requests') }),
    expected: { code: 'rate_limited', outcome: 'rejected', outcomeOnResend: 'rejected', retryable: true },
  },
  // HTTP 500 after a RefundOrder: the refund may have executed.
  '500': {
    produce: (attempt) => refundAnswered(attempt, { status: 500, body: message('An error has occurred.') }),
    expected: {
      code: 'provider_unavailable',
      outcome: 'unknown',
      outcomeOnResend: 'unknown',
      retryable: false,
    },
  },
  '502': {
    produce: (attempt) => refundAnswered(attempt, { status: 502, body: '<html>Bad Gateway</html>' }),
    expected: {
      code: 'provider_unavailable',
      outcome: 'unknown',
      outcomeOnResend: 'unknown',
      retryable: false,
    },
  },
  '503': {
    produce: (attempt) => refundAnswered(attempt, { status: 503, body: '' }),
    expected: {
      code: 'provider_unavailable',
      outcome: 'unknown',
      outcomeOnResend: 'unknown',
      retryable: false,
    },
  },
  '504': {
    produce: (attempt) => refundAnswered(attempt, { status: 504, body: '<html>Gateway Timeout</html>' }),
    expected: {
      code: 'provider_unavailable',
      outcome: 'unknown',
      outcomeOnResend: 'unknown',
      retryable: false,
    },
  },
  'N/A': {
    produce: () =>
      checkOrderAnswered({
        status: 200,
        body: '{"OrderId":"55","OrderStatusText":"N/A","Error":"Order not found"}',
      }),
    expected: { code: 'not_found', outcome: 'rejected', retryable: false },
  },
  // The same refund id again in this process after an unknown outcome.
  'already-sent': {
    produce: async (attempt) => {
      const { fetch } = scriptedFetch({ status: 503, body: '' });
      const provider = createCoinCorner({ ...testCredentials(), fetch, verifyOrderBeforeRefund: false });
      await failureOf(provider.refund(refundRequest));
      return failureOf(provider.refund(refundRequest, attempt));
    },
    expected: { code: 'duplicate', outcome: 'not_sent', outcomeOnResend: 'unknown', retryable: false },
  },
  // The pre-flight GetOrder finds the order Pending Refund.
  'order-shows-refund': {
    produce: (attempt) => {
      const { fetch } = scriptedFetch({
        status: 200,
        body: '{"OrderId":"55","InvoiceAmount":10.00,"InvoiceCurrency":"GBP","OrderStatus":-4,"OrderStatusText":"Pending Refund"}',
      });
      return failureOf(createCoinCorner({ ...testCredentials(), fetch }).refund(refundRequest, attempt));
    },
    expected: { code: 'declined', outcome: 'not_sent', outcomeOnResend: 'unknown', retryable: false },
  },
  'no-refund': {
    produce: () => {
      const { fetch } = scriptedFetch({
        status: 200,
        body: '{"OrderId":"55","OrderStatus":2,"OrderStatusText":"Complete"}',
      });
      return failureOf(
        createCoinCorner({ ...testCredentials(), fetch }).getRefund({ refundId: 'r', orderId: '55' }),
      );
    },
    expected: { code: 'not_found', outcome: 'rejected', retryable: false },
  },
};

// A read has no resend: its outcome on a resend is its outcome.
describeErrorTable({
  provider: 'coincorner',
  table: coincornerErrorTable,
  expected: Object.entries(rows).map(
    ([key, { expected }]) =>
      [key, expected.code, expected.outcome, expected.outcomeOnResend ?? expected.outcome] as const,
  ),
  provoke: (key, attempt) =>
    rows[key as keyof typeof coincornerErrorTable].produce(attempt).then((error) => Promise.reject(error)),
});

describe('coincornerErrorTable', () => {
  it.each(Object.entries(rows))(
    'explains %s and says whether to retry',
    async (key, { produce, expected }) => {
      const error = await produce({ resend: false });
      expect(error.retryable).toBe(expected.retryable);
      expect(error.message).toContain(
        coincornerErrorTable[key as keyof typeof coincornerErrorTable].description,
      );
      if (/^\d+$/.test(key)) expect(error.providerCode).toBe(key);
    },
  );

  it('sends a request refused for its nonce again with fresh, larger nonces, 3 times at most', async () => {
    const { fetch, sent } = scriptedFetch(...Array(4).fill({ status: 400, body: message('Invalid nonce') }));
    const provider = createCoinCorner({ ...testCredentials(), fetch, verifyOrderBeforeRefund: false });
    const error = await failureOf(provider.refund(refundRequest));
    expect(error.message).toContain('nothing was executed');
    const nonces = sent.map((request) => BigInt(new URLSearchParams(request.body).get('Nonce') ?? '0'));
    expect(nonces).toHaveLength(4);
    for (let index = 1; index < nonces.length; index++) {
      expect((nonces[index] ?? 0n) > (nonces[index - 1] ?? 0n)).toBe(true);
    }
  });

  it("passes CoinCorner's Message on as providerMessage", async () => {
    const error = await rows['400'].produce({ resend: false });
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
    const first = { resend: false };
    expect(await refundAnswered(first, { status: 418, body: '' })).toMatchObject({
      code: 'invalid_request',
      outcome: 'rejected',
    });
    expect(await refundAnswered(first, { status: 507, body: '' })).toMatchObject({
      code: 'provider_unavailable',
      outcome: 'unknown',
    });
    expect(await refundAnswered(first, { status: 302, body: '' })).toMatchObject({
      code: 'invalid_response',
      outcome: 'unknown',
    });
  });
});
