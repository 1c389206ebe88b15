import { RefundError } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedFetch } from './__fixtures__/scripted-fetch';
import { testCredentials, testnetAddress } from './__fixtures__/test-credentials';
import { createCoinCornerClient } from './create-coincorner-client';
import type { RefundOrderParams } from './refund-order/refund-order-options';
import { createCoinCornerSandbox, type RunningCoinCornerSandbox } from './sandbox/create-coincorner-sandbox';

let sandbox: RunningCoinCornerSandbox;
beforeAll(async () => {
  sandbox = await createCoinCornerSandbox({ settleAfterMs: 5_000 });
});
afterAll(() => sandbox.close());

describe('createCoinCornerClient', () => {
  it('refunds, checks and reads an order with CoinCorner field names', async () => {
    const client = createCoinCornerClient(sandbox.settings);
    const order = await sandbox.seedOrder({ amount: { amount: '25.50', currency: 'EUR' } });
    await expect(client.checkOrder({ OrderId: order.orderId })).resolves.toEqual({
      OrderId: order.orderId,
      OrderStatus: 2,
      OrderStatusText: 'Complete',
    });
    await expect(
      client.refundOrder({ OrderId: order.orderId, Amount: '25.50', Address: testnetAddress, RefundType: 1 }),
    ).resolves.toEqual({ accepted: true, message: undefined });
    await expect(client.getOrder({ OrderId: order.orderId })).resolves.toMatchObject({
      OrderId: order.orderId,
      InvoiceAmount: '25.50',
      InvoiceCurrency: 'EUR',
      OrderStatus: -4,
      OrderStatusText: 'Pending Refund',
    });
  });

  it('keeps amounts a float would round exact', async () => {
    const client = createCoinCornerClient(sandbox.settings);
    const order = await sandbox.seedOrder({ amount: { amount: '98765432109.87654321', currency: 'GBP' } });
    const answer = await client.getOrder({ OrderId: order.orderId });
    expect(answer.InvoiceAmount).toBe('98765432109.87654321');
  });

  it('accepts the JSON string CoinCorner may answer a refund with', async () => {
    const quoting = await createCoinCornerSandbox({ refundAnswer: 'json-string' });
    try {
      const order = await quoting.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
      const client = createCoinCornerClient(quoting.settings);
      await expect(
        client.refundOrder({
          OrderId: order.orderId,
          Amount: '1.00',
          Address: testnetAddress,
          RefundType: 0,
        }),
      ).resolves.toEqual({ accepted: true, message: '' });
    } finally {
      await quoting.close();
    }
  });

  it.each([
    ['Amount as a number', { Amount: 10 }, 'Amount', 'never a JavaScript number'],
    ['Amount with a comma', { Amount: '10,00' }, 'Amount', 'plain decimal string'],
    ['a zero Amount', { Amount: '0.00' }, 'Amount', 'greater than zero'],
    ['RefundType 1.5', { RefundType: 1.5 }, 'RefundType', 'integer'],
    ['an empty OrderId', { OrderId: '' }, 'OrderId', 'must not be empty'],
    ['a field CoinCorner does not have', { Reason: 'x' }, 'Reason', 'Reason'],
  ])('refuses %s before sending', async (_case, change, field, rule) => {
    const { fetch, sent } = scriptedFetch();
    const client = createCoinCornerClient({ ...testCredentials(), fetch });
    const params = { OrderId: '55', Amount: '10.00', Address: testnetAddress, RefundType: 1, ...change };
    const error = await client.refundOrder(params as RefundOrderParams).catch((caught: unknown) => caught);
    expect(RefundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field });
    expect((error as Error).message).toContain(rule);
    expect(sent).toHaveLength(0);
  });

  it('retries a read that failed with a 503, with a fresh nonce', async () => {
    const { fetch, sent } = scriptedFetch(
      { status: 503 },
      { status: 200, body: '{"OrderId":"55","OrderStatus":-5,"OrderStatusText":"Refunded"}' },
    );
    const client = createCoinCornerClient({ ...testCredentials(), fetch });
    await expect(client.checkOrder({ OrderId: '55' })).resolves.toMatchObject({ OrderStatus: -5 });
    const nonces = sent.map((request) => new URLSearchParams(request.body).get('Nonce'));
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('refuses a CheckOrder answer without OrderStatus', async () => {
    const { fetch } = scriptedFetch({ status: 200, body: '{"OrderId":"55"}' });
    const client = createCoinCornerClient({ ...testCredentials(), fetch });
    await expect(client.checkOrder({ OrderId: '55' })).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('verifies a webhook by its APIKey and returns only the order it names', () => {
    const client = createCoinCornerClient(sandbox.settings);
    expect(client.verifyWebhook(sandbox.notificationFor('100001'))).toEqual({ OrderId: '100001' });
    const bytes = new TextEncoder().encode(JSON.stringify({ OrderId: 7, APIKey: sandbox.settings.apiKey }));
    expect(client.verifyWebhook({ body: bytes, headers: new Headers() })).toEqual({ OrderId: '7' });
  });
});
