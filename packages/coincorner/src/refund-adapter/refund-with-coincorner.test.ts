import { createHmac } from 'node:crypto';
import type { RefundRequest } from '@refunds/core';
import { refundErrorOf as failureOf } from '@refunds/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoinCorner } from '../create-coincorner';
import { createCoinCornerSandbox, type RunningCoinCornerSandbox } from '../sandbox/create-coincorner-sandbox';

let sandbox: RunningCoinCornerSandbox;
beforeAll(async () => {
  sandbox = await createCoinCornerSandbox({ settleAfterMs: 5_000 });
});
afterAll(() => sandbox.close());

const refundOrderForms = () =>
  sandbox.requests
    .filter((request) => request.path === '/api/RefundOrder')
    .map((request) => new URLSearchParams(request.text));

async function seededRequest(amount = '10.00', refundAmount = amount): Promise<RefundRequest> {
  const order = await sandbox.seedOrder({ amount: { amount, currency: 'GBP' } });
  return {
    refundId: `refund-${order.orderId}`,
    orderId: order.orderId,
    amount: { amount: refundAmount, currency: 'GBP' },
    destination: order.destination,
  };
}

describe('refund through createCoinCorner', () => {
  it('sends the form CoinCorner documents, signed over the nonce it carries, and answers pending', async () => {
    const provider = createCoinCorner(sandbox.settings);
    const request = await seededRequest('20.00', '10.50');
    const result = await provider.refund(request);
    expect(result).toEqual({
      refundId: request.refundId,
      provider: 'coincorner',
      status: 'pending',
      amount: { amount: '10.50', currency: 'GBP' },
      raw: null,
    });
    const form = refundOrderForms().at(-1);
    const { apiKey, apiSecret, userId } = sandbox.settings;
    const nonce = form?.get('Nonce') ?? '';
    expect(Object.fromEntries(form ?? [])).toEqual({
      OrderId: request.orderId,
      Amount: '10.50',
      Address: request.destination?.address,
      RefundType: '1',
      APIKey: apiKey.toLowerCase(),
      Signature: createHmac('sha256', apiSecret.toLowerCase())
        .update(`${nonce}${userId}${apiKey}`.toLowerCase())
        .digest('hex'),
      Nonce: nonce,
    });
    expect(sandbox.orderStatus(request.orderId)).toBe(-4);
  });

  it('sends RefundType from the setting, and from providerOptions above it', async () => {
    await createCoinCorner({ ...sandbox.settings, refundType: 0 }).refund(await seededRequest());
    expect(refundOrderForms().at(-1)?.get('RefundType')).toBe('0');
    const request = { ...(await seededRequest()), providerOptions: { refundType: 1 } };
    await createCoinCorner({ ...sandbox.settings, refundType: 0 }).refund(request);
    expect(refundOrderForms().at(-1)?.get('RefundType')).toBe('1');
  });

  it('never sends one refund id twice, since CoinCorner could not tell it was a retry', async () => {
    const provider = createCoinCorner(sandbox.settings);
    const request = await seededRequest('10.00', '2.00');
    await provider.refund(request);
    const sentBefore = refundOrderForms().length;
    const error = await failureOf(provider.refund(request));
    expect(error).toMatchObject({ code: 'duplicate', outcome: 'not_sent', field: 'refundId' });
    expect(refundOrderForms()).toHaveLength(sentBefore);
    expect(sandbox.executedRefunds().filter((record) => record.orderId === request.orderId)).toHaveLength(1);
  });

  it('sends a refund id again once CoinCorner refused it, because nothing was executed', async () => {
    // CoinCorner's own refusal is the subject here, so the pre-flight read (which would catch it first) is off.
    const provider = createCoinCorner({ ...sandbox.settings, verifyOrderBeforeRefund: false });
    const request = await seededRequest('10.00');
    const refused = await failureOf(
      provider.refund({ ...request, amount: { amount: '11.00', currency: 'GBP' } }),
    );
    expect(refused).toMatchObject({ code: 'declined', outcome: 'rejected' });
    await expect(provider.refund(request)).resolves.toMatchObject({ status: 'pending' });
  });

  it('leaves a refund that timed out after CoinCorner committed unknown, without resending it', async () => {
    const request = await seededRequest('10.00', '4.00');
    const sentBefore = refundOrderForms().length;
    sandbox.injectFault({ fault: { kind: 'latency', ms: 600 }, path: '/api/RefundOrder' });
    const error = await failureOf(createCoinCorner({ ...sandbox.settings, timeoutMs: 150 }).refund(request));
    expect(error).toMatchObject({ code: 'timeout', outcome: 'unknown', retryable: false });
    expect(refundOrderForms()).toHaveLength(sentBefore + 1);
    // Another process (no memory of the request) finds it through the order; only the invoice amount is known.
    const found = await createCoinCorner(sandbox.settings).getRefund({
      refundId: request.refundId,
      orderId: request.orderId,
    });
    expect(found).toMatchObject({
      refundId: request.refundId,
      status: 'pending',
      amount: { amount: '10.00', currency: 'GBP' },
    });
  });

  it.each([
    ['reset-after-commit', 'network', 1],
    ['reset-before-commit', 'network', 0],
  ] as const)('reports a connection %s as unknown and does not retry', async (kind, code, executed) => {
    const request = await seededRequest();
    const sentBefore = refundOrderForms().length;
    sandbox.injectFault({ fault: { kind }, path: '/api/RefundOrder' });
    const error = await failureOf(createCoinCorner(sandbox.settings).refund(request));
    expect(error).toMatchObject({ code, outcome: 'unknown' });
    expect(refundOrderForms().length - sentBefore).toBe(1);
    expect(sandbox.executedRefunds().filter((record) => record.orderId === request.orderId)).toHaveLength(
      executed,
    );
  });

  it('reports HTTP 503 after a RefundOrder as unknown and does not retry', async () => {
    const request = await seededRequest();
    const sentBefore = refundOrderForms().length;
    sandbox.injectFault({ fault: { kind: 'status', status: 503 }, path: '/api/RefundOrder' });
    const error = await failureOf(createCoinCorner(sandbox.settings).refund(request));
    expect(error).toMatchObject({ code: 'provider_unavailable', outcome: 'unknown' });
    expect(refundOrderForms().length - sentBefore).toBe(1);
  });

  it('reports a 200 whose body is not what CoinCorner sends as invalid_response, outcome unknown', async () => {
    const request = await seededRequest();
    sandbox.injectFault({ fault: { kind: 'malformed-body' }, path: '/api/RefundOrder' });
    const error = await failureOf(createCoinCorner(sandbox.settings).refund(request));
    expect(error).toMatchObject({ code: 'invalid_response', outcome: 'unknown' });
    expect(sandbox.executedRefunds().filter((record) => record.orderId === request.orderId)).toHaveLength(1);
  });

  it('sends nothing when the caller aborted before the request left the queue', async () => {
    const sentBefore = sandbox.requests.length;
    const error = await failureOf(
      createCoinCorner(sandbox.settings).refund(await seededRequest(), { signal: AbortSignal.abort() }),
    );
    expect(error).toMatchObject({ code: 'network', outcome: 'not_sent' });
    expect(sandbox.requests.length).toBe(sentBefore);
  });

  it('sends 50 concurrent refunds on one client with 50 distinct nonces, increasing in arrival order', async () => {
    // Network jitter: without the per-key queue, requests would overtake each other on the way.
    const jitteryFetch: typeof fetch = (input, init) =>
      new Promise((resolve) => setTimeout(resolve, Math.random() * 8)).then(() => fetch(input, init));
    const provider = createCoinCorner({ ...sandbox.settings, fetch: jitteryFetch });
    const requests = await Promise.all(Array.from({ length: 50 }, () => seededRequest('5.00')));
    const sentBefore = refundOrderForms().length;
    const results = await Promise.all(requests.map((request) => provider.refund(request)));
    expect(results.every((result) => result.status === 'pending')).toBe(true);
    const nonces = refundOrderForms()
      .slice(sentBefore)
      .map((form) => BigInt(form.get('Nonce') ?? '0'));
    expect(nonces).toHaveLength(50);
    expect(new Set(nonces).size).toBe(50);
    for (let index = 1; index < nonces.length; index++) {
      expect((nonces[index] ?? 0n) > (nonces[index - 1] ?? 0n)).toBe(true);
    }
  });
});

describe('refund with verifyOrderBeforeRefund (the default)', () => {
  const verifying = () => createCoinCorner(sandbox.settings);

  it('reads the order, then refunds it', async () => {
    const request = await seededRequest();
    await expect(verifying().refund(request)).resolves.toMatchObject({ status: 'pending' });
    const paths = sandbox.requests.slice(-2).map((request) => request.path);
    expect(paths).toEqual(['/api/GetOrder', '/api/RefundOrder']);
  });

  it('refuses a currency other than the invoice currency before sending the refund', async () => {
    const request = await seededRequest();
    const error = await failureOf(
      verifying().refund({ ...request, amount: { amount: '10.00', currency: 'EUR' } }),
    );
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'amount.currency' });
    expect(error.message).toContain('the refund is in EUR but order');
    expect(error.message).toContain('is invoiced in GBP');
    expect(sandbox.requests.at(-1)?.path).toBe('/api/GetOrder');
  });

  it('refuses a 1.00 GBP refund of an order invoiced in EUR by default, and CoinCorner executes nothing', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '25.50', currency: 'EUR' } });
    const refundsSentBefore = refundOrderForms().length;
    const error = await failureOf(
      createCoinCorner(sandbox.settings).refund({
        refundId: `currency-${order.orderId}`,
        orderId: order.orderId,
        amount: { amount: '1.00', currency: 'GBP' },
        destination: order.destination,
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'amount.currency' });
    expect(error.message).toMatch(/GBP.*EUR/);
    expect(refundOrderForms()).toHaveLength(refundsSentBefore);
    expect(sandbox.executedRefunds().filter((record) => record.orderId === order.orderId)).toEqual([]);
    expect(sandbox.orderStatus(order.orderId)).toBe(2);
  });

  it('can be turned off, and then CoinCorner refunds the number in the invoice currency', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '25.50', currency: 'EUR' } });
    const unchecked = createCoinCorner({ ...sandbox.settings, verifyOrderBeforeRefund: false });
    await unchecked.refund({
      refundId: `unchecked-${order.orderId}`,
      orderId: order.orderId,
      amount: { amount: '1.00', currency: 'GBP' },
      destination: order.destination,
    });
    expect(sandbox.requests.at(-1)?.path).toBe('/api/RefundOrder');
    expect(sandbox.executedRefunds().filter((record) => record.orderId === order.orderId)).toHaveLength(1);
  });

  it('refuses more than the invoice amount before sending the refund', async () => {
    const request = await seededRequest('10.00', '10.01');
    const error = await failureOf(verifying().refund(request));
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'amount.amount' });
    expect(sandbox.requests.at(-1)?.path).toBe('/api/GetOrder');
  });

  it('refuses an order that already shows a refund', async () => {
    const request = await seededRequest('10.00', '1.00');
    await createCoinCorner(sandbox.settings).refund(request);
    const error = await failureOf(verifying().refund({ ...request, refundId: `${request.refundId}-again` }));
    expect(error).toMatchObject({ code: 'declined', outcome: 'not_sent', providerCode: '-4' });
    expect(sandbox.executedRefunds().filter((record) => record.orderId === request.orderId)).toHaveLength(1);
  });

  it('reads an order that shows a refund as evidence, not failure, when the refund is a resend', async () => {
    const request = await seededRequest('10.00', '1.00');
    // Another process sent it and lost the answer; this one resends the same refund id.
    await createCoinCorner(sandbox.settings).refund(request);
    const error = await failureOf(verifying().refund(request, { resend: true }));
    expect(error).toMatchObject({ code: 'declined', outcome: 'unknown', retryable: false });
    expect(error.message).toContain('explains this refusal: the refund is unknown, not failed');
    expect(sandbox.executedRefunds().filter((record) => record.orderId === request.orderId)).toHaveLength(1);
  });

  it("reads CoinCorner's refusal of a resend as evidence when the pre-flight read still lags", async () => {
    const lagging = await createCoinCornerSandbox({ settleAfterMs: 5_000, readLagMs: 2_000 });
    try {
      const order = await lagging.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
      const request = {
        refundId: `lag-${order.orderId}`,
        orderId: order.orderId,
        amount: order.amount,
        destination: order.destination,
      };
      await createCoinCorner(lagging.settings).refund(request);
      // GetOrder still shows 2 Complete, so the resend goes out and CoinCorner refuses it: one refund per order.
      const error = await failureOf(createCoinCorner(lagging.settings).refund(request, { resend: true }));
      expect(error).toMatchObject({ code: 'declined', outcome: 'unknown', providerCode: '400' });
      expect(lagging.executedRefunds()).toHaveLength(1);
    } finally {
      await lagging.close();
    }
  });
});
