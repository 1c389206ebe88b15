import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoinCorner } from './create-coincorner';

// Test-only credentials, written with capitals to prove the client lower-cases what the reference says.
const apiKey = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
const apiSecret = 'Interop-Test-Secret-Not-Real';
const userId = '13579';

/**
 * CoinCorner's server side as shared/providers/coincorner.md B2 describes it, written from the reference alone
 * with node:http and node:crypto: nothing here comes from this package's signing or parsing code.
 */
function startReferenceServer(): Promise<{ server: Server; url: string; received: URLSearchParams[] }> {
  const received: URLSearchParams[] = [];
  let lastNonce = 0n;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      received.push(form);
      const nonce = form.get('Nonce') ?? '';
      const message = `${nonce}${userId}${apiKey}`.toLowerCase();
      const expected = createHmac('sha256', apiSecret.toLowerCase()).update(message, 'ascii').digest();
      const sent = Buffer.from((form.get('Signature') ?? '').toLowerCase(), 'hex');
      const authentic =
        request.method === 'POST' &&
        request.url === '/api/RefundOrder' &&
        request.headers['content-type'] === 'application/x-www-form-urlencoded' &&
        form.get('APIKey') === apiKey.toLowerCase() &&
        /^\d+$/.test(nonce) &&
        BigInt(nonce) > lastNonce &&
        sent.length === expected.length &&
        timingSafeEqual(sent, expected);
      if (!authentic) {
        response
          .writeHead(400, { 'content-type': 'application/json' })
          .end('{"Message":"Invalid signature"}');
        return;
      }
      lastNonce = BigInt(nonce);
      const wellFormed =
        form.get('OrderId') === '55' && form.get('Amount') === '10.00' && form.get('RefundType') === '1';
      response.writeHead(wellFormed ? 200 : 400).end(wellFormed ? '' : '{"Message":"Bad refund"}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, received });
    });
  });
}

describe('createCoinCorner against an independent implementation of CoinCorner verification', () => {
  let reference: Awaited<ReturnType<typeof startReferenceServer>>;
  beforeAll(async () => {
    reference = await startReferenceServer();
  });
  afterAll(() => new Promise<void>((resolve) => reference.server.close(() => resolve())));

  it('gets a refund accepted, as the C# example sends it', async () => {
    // The reference server implements RefundOrder only, so the pre-flight GetOrder is off.
    const provider = createCoinCorner({
      baseUrl: reference.url,
      apiKey,
      apiSecret,
      userId,
      verifyOrderBeforeRefund: false,
    });
    const result = await provider.refund({
      refundId: 'interop-1',
      orderId: '55',
      amount: { amount: '10.00', currency: 'GBP' },
      destination: { address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' },
    });
    expect(result).toMatchObject({
      refundId: 'interop-1',
      status: 'pending',
      amount: { amount: '10.00', currency: 'GBP' },
    });
    expect(reference.received).toHaveLength(1);
    expect([...(reference.received[0]?.keys() ?? [])]).toEqual([
      'OrderId',
      'Amount',
      'Address',
      'RefundType',
      'APIKey',
      'Signature',
      'Nonce',
    ]);
  });

  it('is refused by the same server when the secret is wrong', async () => {
    const provider = createCoinCorner({
      baseUrl: reference.url,
      apiKey,
      apiSecret: 'wrong-secret',
      userId,
      verifyOrderBeforeRefund: false,
    });
    const failure = await provider
      .refund({
        refundId: 'interop-2',
        orderId: '55',
        amount: { amount: '10.00', currency: 'GBP' },
        destination: { address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' },
      })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'declined',
      outcome: 'rejected',
      providerMessage: 'Invalid signature',
    });
  });
});
