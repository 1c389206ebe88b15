import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RefundError, type RefundNotification } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPlatform } from '../__fixtures__/fake-bonuspay-fetch';
import { testKeys, vector } from '../__fixtures__/known-answers';
import { sharedSandboxKeyPairs } from '../__fixtures__/sandbox-key-pairs';
import { createBonusPay } from '../create-bonuspay';
import { type BonusPaySandbox, createBonusPaySandbox } from '../sandbox/create-bonuspay-sandbox';

/** A merchant endpoint that hands the raw bytes to verifyNotification and answers what it says to answer. */
async function startMerchant(reply: (attempt: number) => 'acknowledge' | 'refuse') {
  const received: { notification?: RefundNotification; error?: unknown }[] = [];
  let verify: (body: Uint8Array, headers: Record<string, string>) => Promise<RefundNotification> =
    async () => {
      throw new Error('not configured');
    };
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    );
    try {
      const notification = await verify(new Uint8Array(Buffer.concat(chunks)), headers);
      received.push({ notification });
      const { status, headers: replyHeaders, body } = notification.acknowledgement;
      if (reply(received.length) === 'acknowledge') response.writeHead(status, replyHeaders).end(body);
      else response.writeHead(200).end('FAIL');
    } catch (error) {
      received.push({ error });
      response.writeHead(400).end('bad signature');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bonuspay/notify`,
    received,
    setVerifier: (next: typeof verify) => {
      verify = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const until = async (condition: () => boolean, timeoutMs = 3_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('verifyNotification with the reference vector', () => {
  const provider = createBonusPay({ platformPublicKey: testKeys.publicKey });

  it('verifies V4 over its raw bytes and reads it for the contract', async () => {
    const { body, sign } = vector('V4');
    const notification = await provider.verifyNotification?.({ body, headers: new Headers({ Sign: sign }) });
    expect(notification).toEqual({
      kind: 'refund',
      provider: 'bonuspay',
      refundId: 'R20231114000001',
      orderId: 'M20231114000001',
      providerRefundId: '231700000000000001',
      status: 'succeeded',
      amount: { amount: '1.50000000', currency: 'USDT' },
      notificationId: '202311140000000001',
      raw: expect.objectContaining({ notify_id: '202311140000000001' }),
      acknowledgement: { status: 200, headers: { 'content-type': 'text/plain' }, body: 'SUCCESS' },
    });
  });

  it('matches the Sign header whatever its case, and reads the {"body":...} shape once it verifies', async () => {
    const { body, sign } = vector('V4');
    for (const name of ['sign', 'SIGN', 'Sign']) {
      expect((await provider.verifyNotification?.({ body, headers: { [name]: sign } }))?.status).toBe(
        'succeeded',
      );
    }
    const wrapped = `{"body":${body}}`;
    const notification = await provider.verifyNotification?.({
      body: wrapped,
      headers: { Sign: signPlatform(wrapped, testKeys.privateKey) },
    });
    expect(notification?.notificationId).toBe('202311140000000001');
  });

  it.each([
    ['an altered amount', (body: string) => body.replace('1.50000000', '9.50000000'), true],
    ['a re-serialized body', (body: string) => JSON.stringify(JSON.parse(body)), true],
    ['no Sign header', (body: string) => body, false],
  ])('refuses %s as signature_invalid', async (_, change, withSign) => {
    const { body, sign } = vector('V4');
    const error = await provider
      .verifyNotification?.({ body: change(body), headers: withSign ? { Sign: sign } : {} })
      .catch((caught: unknown) => caught);
    expect(RefundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'signature_invalid', provider: 'bonuspay' });
  });

  it('refuses a wrapped body whose signature covers only the inner object', async () => {
    const { body, sign } = vector('V4');
    await expect(
      provider.verifyNotification?.({ body: `{"body":${body}}`, headers: { Sign: sign } }),
    ).rejects.toMatchObject({
      code: 'signature_invalid',
    });
  });

  it('refuses a signed body that is not a refund notification as invalid_response', async () => {
    const body = '{"notify_id":"1"}';
    await expect(
      provider.verifyNotification?.({ body, headers: { Sign: signPlatform(body, testKeys.privateKey) } }),
    ).rejects.toMatchObject({ code: 'invalid_response' });
  });
});

describe('notification round trip through the sandbox', () => {
  let merchant: Awaited<ReturnType<typeof startMerchant>>;
  let sandbox: BonusPaySandbox;
  let attempts = 0;

  beforeAll(async () => {
    // The first delivery of each refund is refused, so BonusPay must redeliver the same notification.
    merchant = await startMerchant(() => (++attempts % 2 === 1 ? 'refuse' : 'acknowledge'));
    sandbox = await createBonusPaySandbox({
      keyPairs: await sharedSandboxKeyPairs(),
      notificationUrl: merchant.url,
      settleAfterMs: 30,
      notificationRetryDelaysMs: [30, 30],
    });
    const provider = createBonusPay(sandbox.settings);
    merchant.setVerifier((body, headers) => provider.verifyNotification!({ body, headers }));
  });
  afterAll(async () => {
    await sandbox.close();
    await merchant.close();
  });

  it('delivers a signed notification after settlement, redelivers it unchanged until SUCCESS', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'USDT' } });
    const provider = createBonusPay(sandbox.settings);
    const result = await provider.refund({
      refundId: 'notify-1',
      orderId: order.orderId,
      amount: { amount: '2.50', currency: 'USDT' },
      destination: order.destination,
    });
    expect(result.status).toBe('pending');
    await until(() => sandbox.deliveries().some((delivery) => delivery.acknowledged));

    const [delivery] = sandbox.deliveries();
    expect(delivery).toMatchObject({ refundMerchantOrderNo: 'notify-1', attempts: 2, acknowledged: true });
    const notifications = merchant.received.map((entry) => entry.notification);
    expect(notifications).toHaveLength(2);
    expect(notifications[0]).toMatchObject({
      refundId: 'notify-1',
      orderId: order.orderId,
      providerRefundId: result.providerRefundId,
      status: 'succeeded',
      amount: { amount: '2.50000000', currency: 'USDT' },
    });
    // A redelivery is the same notification: process it once.
    expect(notifications[1]?.notificationId).toBe(notifications[0]?.notificationId);
  });

  it('notifies a failed refund as failed', async () => {
    const failing = await createBonusPaySandbox({
      keyPairs: await sharedSandboxKeyPairs(),
      settleAfterMs: 10,
      settleAs: () => ({ failCode: '62002', failDes: 'address rejected' }),
    });
    try {
      const order = await failing.seedOrder({ amount: { amount: '1.00', currency: 'USDT' } });
      await createBonusPay(failing.settings).refund({
        refundId: 'notify-2',
        orderId: order.orderId,
        amount: order.amount,
        destination: order.destination,
      });
      await failing.settleAll();
      const notification = await createBonusPay(failing.settings).verifyNotification?.(
        failing.notificationFor('notify-2'),
      );
      expect(notification).toMatchObject({ status: 'failed', refundId: 'notify-2' });
      expect(notification?.raw).toMatchObject({
        refundOrder: { failCode: '62002', failDes: 'address rejected' },
      });
    } finally {
      await failing.close();
    }
  });
});
