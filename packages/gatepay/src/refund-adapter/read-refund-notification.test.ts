import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RefundError, RefundNotification } from '@refunds/core';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeGatePaySignature } from '../__fixtures__/recording-fetch';
import { createGatePay, type GatePayProvider } from '../create-gatepay';
import { createGatePaySandbox, type GatePaySandbox } from '../sandbox/create-gatepay-sandbox';
import type { GatePaySandboxOptions } from '../sandbox/gatepay-sandbox-options';

interface Receiver {
  url: string;
  accepted: RefundNotification[];
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
    expect(receiver.accepted.map((notification) => notification.status)).toEqual(['pending', 'succeeded']);
    const [processing, success] = receiver.accepted;
    expect(success).toMatchObject({
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
    expect(again.notificationId).toBe(receiver.accepted[0]?.notificationId);
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

  it('refuses a correctly signed notification that is not about a refund', async () => {
    const { sandbox, provider } = await setup();
    const body = '{"bizType":"PAY","bizId":"1","bizStatus":"PAY_SUCCESS","clientId":"c","data":"{}"}';
    const timestamp = String(Date.now());
    const headers = {
      'X-GatePay-Timestamp': timestamp,
      'X-GatePay-Nonce': 'abc',
      'X-GatePay-Signature': nodeGatePaySignature(sandbox.settings.secretKey, timestamp, 'abc', body),
    };
    await expect(provider.verifyNotification({ body, headers })).rejects.toMatchObject({
      code: 'unsupported',
    });
  });
});
