import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatePay } from './create-gatepay';

// GatePay's server-side verification written from the protocol reference (A2, A9) with node:http and
// node:crypto only: none of this package's signing, verification or serialization code is used here.
const clientId = 'independent-client';
const secretKey = 'independent-secret-0123456789';
const receiverId = '9007199254740993'; // 2^53 + 1: a JS number cannot hold it

interface Seen {
  path: string;
  raw: string;
  verified: boolean;
}

function verifies(incoming: IncomingMessage, raw: Buffer): boolean {
  const header = (name: string) => {
    const value = incoming.headers[name];
    return typeof value === 'string' ? value : '';
  };
  const timestamp = header('x-gatepay-timestamp');
  const nonce = header('x-gatepay-nonce');
  const signature = header('x-gatepay-signature').toLowerCase();
  if (header('x-gatepay-certificate-clientid') !== clientId || nonce === '') return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > 300_000) return false;
  if (!header('content-type').startsWith('application/json')) return false;
  const payload = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), raw, Buffer.from('\n')]);
  const expected = Buffer.from(createHmac('sha512', secretKey).update(payload).digest('hex'));
  return signature.length === expected.length && timingSafeEqual(expected, Buffer.from(signature));
}

function answer(incoming: IncomingMessage, raw: string): unknown {
  const url = new URL(incoming.url ?? '/', 'http://x');
  if (incoming.method === 'POST' && url.pathname === '/v2/standard/order/refund') {
    const body = JSON.parse(raw);
    return {
      refundRequestId: body.refundRequestId,
      refundGateId: '3000000000000000001',
      prepayId: body.prepayId,
      orderAmount: '100',
      refundAmount: body.refundAmount,
      errMsg: '',
      orderCurrency: 'USDT',
      payCurrency: 'USDT',
      payAmount: '100',
    };
  }
  if (incoming.method === 'POST' && url.pathname === '/v1/pay/address/refundconvert') {
    // receiverId must arrive as a JSON number with every digit, as GatePay's SDKs send it.
    if (!raw.includes(`"receiverId":${receiverId}`)) return undefined;
    const body = JSON.parse(raw);
    return {
      refundRequestId: body.refundRequestId,
      prepayId: body.prepayId,
      orderCurrency: body.refundOrderCurrency,
      orderAmount: '2.2',
      refundOrderAmount: body.refundOrderAmount,
      payCurrency: body.refundPayCurrency,
      payAmount: '44000',
      refundPayAmount: body.refundPayAmount,
    };
  }
  if (incoming.method === 'GET' && url.pathname === '/v2/pay/refund/details' && raw === '') {
    return {
      refundRequestId: url.searchParams.get('refundRequestId'),
      gateRefundId: '3000000000000000001',
      requestAmount: '12.345678',
      requestCurrency: 'USDT',
      status: 'SUCCESS',
    };
  }
  return undefined;
}

let server: Server;
let baseUrl: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const verified = verifies(incoming, raw);
    seen.push({ path: incoming.url ?? '', raw: raw.toString('utf8'), verified });
    const data = verified ? answer(incoming, raw.toString('utf8')) : undefined;
    const envelope = verified
      ? data === undefined
        ? { status: 'FAIL', code: '400001', label: 'Parameter error', errorMessage: '', data: {} }
        : { status: 'SUCCESS', code: '000000', label: '', errorMessage: '', data }
      : {
          status: 'FAIL',
          code: '400002',
          label: 'Signature verification failed',
          errorMessage: '',
          data: {},
        };
    outgoing.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(envelope));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createGatePay against an independent GatePay verifier on 127.0.0.1', () => {
  it('refunds through the default endpoint (V2 standard)', async () => {
    const provider = createGatePay({ clientId, secretKey, baseUrl });
    const result = await provider.refund({
      refundId: 'independent-1',
      orderId: '1665553233227833',
      amount: { amount: '12.345678', currency: 'USDT' },
      reason: 'remboursé – 退款',
    });
    expect(result).toMatchObject({
      refundId: 'independent-1',
      status: 'pending',
      providerRefundId: '3000000000000000001',
    });
    expect(seen.at(-1)).toMatchObject({ path: '/v2/standard/order/refund', verified: true });
  });

  it('refunds through convert, receiverId an exact JSON number above 2^53', async () => {
    const provider = createGatePay({ clientId, secretKey, baseUrl, refundEndpoint: 'convert' });
    const result = await provider.refund({
      refundId: 'independent-2',
      orderId: '1665553233227833',
      amount: { amount: '0.5', currency: 'BTC' },
      destination: { accountId: receiverId },
      providerOptions: { refundPayCurrency: 'USDT', refundPayAmount: '1000.1' },
    });
    expect(result).toMatchObject({
      refundId: 'independent-2',
      status: 'pending',
      amount: { amount: '0.5', currency: 'BTC' },
    });
    expect(seen.at(-1)).toMatchObject({ path: '/v1/pay/address/refundconvert', verified: true });
  });

  it('queries a refund with a GET signed over the empty body', async () => {
    const provider = createGatePay({ clientId, secretKey, baseUrl });
    const result = await provider.getRefund({ refundId: 'independent-1' });
    expect(result).toMatchObject({ status: 'succeeded', amount: { amount: '12.345678', currency: 'USDT' } });
    expect(seen.at(-1)).toMatchObject({ raw: '', verified: true });
  });

  it('is refused by the same verifier when the secret is wrong, so the successes above were verified', async () => {
    const provider = createGatePay({ clientId, secretKey: `${secretKey}x`, baseUrl });
    await expect(
      provider.refund({ refundId: 'independent-3', orderId: '1', amount: { amount: '1', currency: 'USDT' } }),
    ).rejects.toMatchObject({ code: 'authentication', providerCode: '400002', outcome: 'rejected' });
    expect(seen.at(-1)?.verified).toBe(false);
  });
});
