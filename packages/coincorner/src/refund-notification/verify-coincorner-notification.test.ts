import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RefundError, RefundNotification, RefundProviderV1 } from '@refunds/core';
import { refundErrorOf as failureOf } from '@refunds/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoinCorner } from '../create-coincorner';
import { createCoinCornerSandbox, type RunningCoinCornerSandbox } from '../sandbox/create-coincorner-sandbox';

/** A merchant endpoint that hands each webhook to verifyNotification and answers what it says. */
async function startMerchant(provider: () => RefundProviderV1) {
  const verified: RefundNotification[] = [];
  const refused: RefundError[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      );
      provider()
        .verifyNotification?.({ body: new Uint8Array(Buffer.concat(chunks)), headers })
        .then(
          (notification) => {
            if (notification.kind !== 'ignored') verified.push(notification);
            const { status, headers: replyHeaders, body } = notification.acknowledgement;
            response.writeHead(status, replyHeaders).end(body);
          },
          (error: RefundError) => {
            refused.push(error);
            response.writeHead(error.code === 'signature_invalid' ? 401 : 200).end();
          },
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/coincorner`,
    verified,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('verifyNotification', () => {
  let provider: RefundProviderV1;
  let merchant: Awaited<ReturnType<typeof startMerchant>>;
  let sandbox: RunningCoinCornerSandbox;
  beforeAll(async () => {
    merchant = await startMerchant(() => provider);
    // Long enough for a refund to be seen pending (its pre-flight read, the webhook's own CheckOrder and the
    // test's share one nonce queue), short enough to see it settle.
    sandbox = await createCoinCornerSandbox({ settleAfterMs: 600, notificationUrl: merchant.url });
    provider = createCoinCorner(sandbox.settings);
  });
  afterAll(async () => {
    await sandbox.close();
    await merchant.close();
  });

  /** A paid order refunded in full: CoinCorner shows it as Pending Refund (-4) until it settles. */
  const refundedOrder = async (refundIdPrefix: string) => {
    const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    await provider.refund({
      refundId: `${refundIdPrefix}-${order.orderId}`,
      orderId: order.orderId,
      amount: order.amount,
      destination: order.destination,
    });
    return order;
  };

  it('receives the webhook CoinCorner posts at each status change and reports the status CheckOrder gives', async () => {
    const order = await refundedOrder('n');
    await expect
      .poll(() => merchant.verified.filter((item) => item.orderId === order.orderId).length, {
        timeout: 5_000,
      })
      .toBe(2);
    const notifications = merchant.verified.filter((item) => item.orderId === order.orderId);
    expect(
      notifications.map(({ kind, status, notificationId }) => ({ kind, status, notificationId })),
    ).toEqual([
      { kind: 'refund', status: 'pending', notificationId: `${order.orderId}:-4` },
      { kind: 'refund', status: 'succeeded', notificationId: `${order.orderId}:-5` },
    ]);
    expect(notifications[0]?.acknowledgement).toEqual({ status: 200, headers: {}, body: '' });
    expect(JSON.stringify(notifications[0]?.raw)).not.toContain(sandbox.settings.apiKey);
  });

  it('refuses a webhook with another API key as a forgery, before asking CoinCorner anything', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    const requestsBefore = sandbox.requests.length;
    const forged = JSON.stringify({ OrderId: order.orderId, APIKey: '00000000-0000-4000-8000-000000000000' });
    const error = await failureOf(provider.verifyNotification!({ body: forged, headers: {} }));
    expect(error).toMatchObject({ code: 'signature_invalid', provider: 'coincorner' });
    expect(sandbox.requests.length).toBe(requestsBefore);
  });

  it.each([
    ['no APIKey', '{"OrderId":"100001"}'],
    ['an empty APIKey', '{"OrderId":"100001","APIKey":""}'],
    ['a body that is not JSON', 'OrderId=100001&APIKey=x'],
    ['a JSON array', '[]'],
  ])('refuses a webhook with %s as signature_invalid', async (_case, body) => {
    const error = await failureOf(provider.verifyNotification!({ body, headers: {} }));
    expect(error.code).toBe('signature_invalid');
  });

  it('accepts the API key in capitals, as CoinCorner compares keys lower-cased', async () => {
    const order = await refundedOrder('u');
    const body = JSON.stringify({ OrderId: order.orderId, APIKey: sandbox.settings.apiKey.toUpperCase() });
    await expect(provider.verifyNotification!({ body, headers: {} })).resolves.toMatchObject({
      status: 'pending',
    });
  });

  it('takes the status from CheckOrder, never from the webhook body', async () => {
    const order = await refundedOrder('s');
    const body = JSON.stringify({ OrderId: order.orderId, APIKey: sandbox.settings.apiKey, OrderStatus: -5 });
    await expect(provider.verifyNotification!({ body, headers: {} })).resolves.toMatchObject({
      status: 'pending',
      notificationId: `${order.orderId}:-4`,
    });
  });

  it('says a webhook about a payment (no refund) is not a refund notification', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    const error = await failureOf(provider.verifyNotification!(sandbox.notificationFor(order.orderId)));
    expect(error).toMatchObject({ code: 'not_found', outcome: 'rejected', providerCode: '2' });
    expect(error.message).toContain('Answer it with HTTP 200');
  });

  it('refuses an authentic webhook that names no order', async () => {
    const body = JSON.stringify({ APIKey: sandbox.settings.apiKey });
    const error = await failureOf(provider.verifyNotification!({ body, headers: {} }));
    expect(error.code).toBe('invalid_response');
  });
});
