import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IgnoredNotification, RefundError, RefundNotification } from '@refunds/core';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeGatePaySignature } from '../__fixtures__/recording-fetch';
import { createGatePay, type GatePayProvider } from '../create-gatepay';
import { createGatePaySandbox, type GatePaySandbox } from '../sandbox/create-gatepay-sandbox';
import type { GatePaySandboxOptions } from '../sandbox/gatepay-sandbox-options';

interface Receiver {
  url: string;
  accepted: (RefundNotification | IgnoredNotification)[];
  refused: RefundError[];
  /** Answers this many deliveries with HTTP 500 before handling them. */
  failFirst: number;
  server: Server;
}

// A merchant endpoint as a host would write it: raw bytes in, verifyNotification, GatePay's acknowledgement out.
async function startReceiver(provider: () => GatePayProvider): Promise<Receiver> {
  const receiver = { accepted: [], refused: [], failFirst: 0 } as unknown as Receiver;
  receiver.server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    if (receiver.failFirst > 0) {
      receiver.failFirst--;
      outgoing.writeHead(500).end();
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(incoming.headers))
      if (typeof value === 'string') headers[name] = value;
    try {
      const notification = await provider().verifyNotification({
        body: new Uint8Array(Buffer.concat(chunks)),
        headers,
      });
      receiver.accepted.push(notification);
      const { status, headers: replyHeaders, body } = notification.acknowledgement;
      outgoing.writeHead(status, replyHeaders).end(body);
    } catch (error) {
      receiver.refused.push(error as RefundError);
      outgoing.writeHead(401).end();
    }
  });
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/notifications`;
  return receiver;
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup) await close();
  cleanup = [];
});

async function setup(options: GatePaySandboxOptions = {}) {
  let provider: GatePayProvider | undefined;
  const receiver = await startReceiver(() => provider!);
  const sandbox: GatePaySandbox = await createGatePaySandbox({
    notificationUrl: receiver.url,
    settleAfterMs: 60_000,
    notificationRetryDelaysMs: [20, 40],
    ...options,
  });
  provider = createGatePay(sandbox.settings);
  cleanup.push(
    () => sandbox.close(),
    () => new Promise((resolve) => receiver.server.close(() => resolve())),
  );
  const order = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' } });
  return { sandbox, provider, receiver, order };
}

describe('verifyNotification round trip', () => {
  it('accepts REFUND_PROCESS then REFUND_SUCCESS, as two notifications, and acknowledges each', async () => {
    const { sandbox, provider, receiver, order } = await setup({ notifyProcessing: true });
    await provider.refund({
      refundId: 'n-1',
      orderId: order.orderId,
      amount: { amount: '4', currency: 'USDT' },
    });
    await sandbox.settleAll();
    expect(receiver.refused).toEqual([]);
    expect(receiver.accepted.map((notification) => notification.kind)).toEqual(['refund', 'refund']);
    const refunds = receiver.accepted as RefundNotification[];
    expect(refunds.map((notification) => notification.status)).toEqual(['pending', 'succeeded']);
    const [processing, success] = refunds;
    expect(success).toMatchObject({
      kind: 'refund',
      provider: 'gatepay',
      refundId: 'n-1',
      orderId: order.orderId,
      amount: { amount: '4', currency: 'USDT' },
      acknowledgement: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"returnCode":"SUCCESS","returnMessage":""}',
      },
    });
    expect(processing?.notificationId).not.toBe(success?.notificationId);
    expect(sandbox.notifications().every((notification) => notification.acknowledged === true)).toBe(true);
  });

  it('gives a redelivered notification the same notificationId, and stops once acknowledged', async () => {
    const { sandbox, provider, receiver, order } = await setup();
    receiver.failFirst = 1;
    await provider.refund({
      refundId: 'n-2',
      orderId: order.orderId,
      amount: { amount: '1', currency: 'USDT' },
    });
    await sandbox.settleAll();
    expect(receiver.accepted).toHaveLength(1);
    expect(sandbox.notifications()[0]?.acknowledged).toBe(true);
    const again = await provider.verifyNotification({
      body: sandbox.notifications()[0]!.body,
      headers: sandbox.notifications()[0]!.headers,
    });
    expect(again).toMatchObject({ kind: 'refund' });
    expect((again as RefundNotification).notificationId).toBe(
      (receiver.accepted[0] as RefundNotification).notificationId,
    );
  });

  it('refuses a tampered notification and does not acknowledge it', async () => {
    const { sandbox, provider, receiver, order } = await setup();
    await provider.refund({
      refundId: 'n-3',
      orderId: order.orderId,
      amount: { amount: '1', currency: 'USDT' },
    });
    await sandbox.settleAll();
    const [genuine] = sandbox.notifications();
    const forged = genuine!.body.replace('\\"refundAmount\\":\\"1\\"', '\\"refundAmount\\":\\"9\\"');
    expect(forged).not.toBe(genuine!.body);
    await expect(
      provider.verifyNotification({ body: forged, headers: genuine!.headers }),
    ).rejects.toMatchObject({
      code: 'signature_invalid',
    });
    const response = await fetch(receiver.url, { method: 'POST', headers: genuine!.headers, body: forged });
    expect(response.status).toBe(401);
    expect(receiver.refused.at(-1)?.code).toBe('signature_invalid');
  });

  it('reports REFUND_REJECTED as failed, with client_id instead of clientId', async () => {
    const { sandbox, provider, receiver, order } = await setup({
      settleAs: () => 'FAIL',
      notificationClientIdKey: 'client_id',
    });
    await provider.refund({
      refundId: 'n-4',
      orderId: order.orderId,
      amount: { amount: '2', currency: 'USDT' },
    });
    await sandbox.settleAll();
    expect(sandbox.notifications()[0]?.body).toContain('"client_id"');
    expect(receiver.accepted[0]).toMatchObject({ refundId: 'n-4', status: 'failed' });
    expect(await provider.getRefund({ refundId: 'n-4' })).toMatchObject({
      status: 'failed',
      failure: { code: 'FAIL' },
    });
  });

  const signedBy = (secretKey: string, body: string) => {
    const timestamp = String(Date.now());
    return {
      'X-GatePay-Timestamp': timestamp,
      'X-GatePay-Nonce': 'abc',
      'X-GatePay-Signature': nodeGatePaySignature(secretKey, timestamp, 'abc', body),
    };
  };

  it.each([
    [
      'a payment (PAY)',
      '{"bizType":"PAY","bizId":"79553022813274112","bizStatus":"PAY_SUCCESS","clientId":"c","data":"{\\"merchantTradeNo\\":\\"m1\\",\\"currency\\":\\"USDT\\",\\"orderAmount\\":\\"0.012\\",\\"payerId\\":10001}"}',
      'PAY',
    ],
    [
      'a batch payout with an array as data',
      '{"bizType":"PAY_BATCH","bizId":1,"data":[{"amount":""}]}',
      'PAY_BATCH',
    ],
    ['a withdrawal without bizStatus', '{"bizType":"WITHDRAW","data":"not json"}', 'WITHDRAW'],
  ])('verifies %s, then ignores it with the acknowledgement GatePay expects', async (_, body, bizType) => {
    const { sandbox, provider } = await setup();
    const notification = await provider.verifyNotification({
      body,
      headers: signedBy(sandbox.settings.secretKey, body),
    });
    expect(notification).toEqual({
      kind: 'ignored',
      provider: 'gatepay',
      reason: expect.stringContaining(bizType),
      acknowledgement: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"returnCode":"SUCCESS","returnMessage":""}',
      },
    });
  });

  it('acknowledges a payment notification posted to the merchant endpoint, so GatePay stops redelivering it', async () => {
    const { sandbox, receiver } = await setup();
    const body = '{"bizType":"PAY","bizId":"1","bizStatus":"PAY_SUCCESS","clientId":"c","data":"{}"}';
    const response = await fetch(receiver.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedBy(sandbox.settings.secretKey, body) },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"returnCode":"SUCCESS","returnMessage":""}');
    expect(receiver.accepted).toEqual([expect.objectContaining({ kind: 'ignored' })]);
    expect(receiver.refused).toEqual([]);
  });

  it('still refuses a payment notification whose signature does not match', async () => {
    const { provider } = await setup();
    const body = '{"bizType":"PAY","bizId":"1","bizStatus":"PAY_SUCCESS","data":"{}"}';
    await expect(
      provider.verifyNotification({ body, headers: signedBy('another-secret', body) }),
    ).rejects.toMatchObject({ code: 'signature_invalid' });
  });
});
