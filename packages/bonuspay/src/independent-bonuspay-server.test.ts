import { generateKeyPair, type KeyObject, sign, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBonusPay } from './create-bonuspay';

/*
 * A BonusPay written from the protocol reference alone, with node:http and node:crypto: it shares no code with
 * this package. It verifies SHA256withRSA over the raw request bytes with the merchant's public key, checks
 * Partner-Id and the requestTime window, and signs the raw bytes of its answers with its own platform key,
 * writing them the way a Java server does (body before head, BigDecimal scale kept).
 */

const partnerId = '200000000888';
const generate = () =>
  new Promise<{ publicKey: KeyObject; privateKey: KeyObject }>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, publicKey, privateKey) =>
      error ? reject(error) : resolve({ publicKey, privateKey }),
    ),
  );

let merchant: { publicKey: KeyObject; privateKey: KeyObject };
let platform: { publicKey: KeyObject; privateKey: KeyObject };
let server: Server;
let baseUrl: string;
let answerMode: 'honest' | 'tampered' | 'signed-by-stranger' = 'honest';
const seen: { path: string; verified: boolean; rawText: string }[] = [];
const refunds = new Map<string, { orderId: string; amountText: string; currency: string }>();

function answer(response: import('node:http').ServerResponse, text: string, signer: KeyObject | undefined) {
  const headers: Record<string, string> = { 'content-type': 'application/json;charset=UTF-8' };
  if (signer) {
    let signature = sign('sha256', Buffer.from(text, 'utf8'), signer);
    if (answerMode === 'tampered')
      signature = Buffer.from(signature.map((byte, index) => (index === 7 ? byte ^ 0x20 : byte)));
    headers.sign = signature.toString('base64');
  }
  response.writeHead(200, headers).end(text);
}

function refundOrderText(refundId: string, status: string): string {
  const refund = refunds.get(refundId);
  if (!refund) throw new Error('unknown refund');
  const [whole = '0', fraction = ''] = refund.amountText.split('.');
  // Decimal(12,8): the scale a Java BigDecimal column gives back.
  const scaled = `${whole}.${fraction.padEnd(8, '0')}`;
  return `{"status":"${status}","amount":{"amount":${scaled},"currency":"${refund.currency}"},"orderNo":"231700000000000999","refundMerchantOrderNo":"${refundId}","originMerchantOrderNo":"${refund.orderId}"}`;
}

beforeAll(async () => {
  [merchant, platform] = await Promise.all([generate(), generate()]);
  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const signature = request.headers.sign;
    const verified =
      typeof signature === 'string' &&
      verify('sha256', raw, merchant.publicKey, Buffer.from(signature, 'base64'));
    seen.push({ path: request.url ?? '', verified, rawText: raw.toString('utf8') });
    if (request.headers['partner-id'] !== partnerId) {
      return answer(response, '{"head":{"applyStatus":"FAIL","code":"403","msg":"UNAUTHORIZED"}}', undefined);
    }
    if (!verified) {
      return answer(
        response,
        '{"head":{"applyStatus":"ERROR","code":"400","msg":"INVALID_SIGNATURE"}}',
        undefined,
      );
    }
    const payload = JSON.parse(raw.toString('utf8'));
    if (Math.abs(Date.now() - payload.requestTime) > 15 * 60_000) {
      return answer(
        response,
        '{"head":{"applyStatus":"FAIL","code":"400","msg":"REQUESTTIME_TOO_EARLY"}}',
        undefined,
      );
    }
    const signer = answerMode === 'signed-by-stranger' ? merchant.privateKey : platform.privateKey;
    const head = '"head":{"traceCode":"independent","msg":"SUCCESS","code":"0","applyStatus":"SUCCESS"}';
    const biz = payload.bizContent;
    if (request.url === '/sgs/api/crypto/refund/placeOrder') {
      // The amount must be a JSON number in the raw bytes, exactly as written by the merchant.
      const literal = /"amount":\{"currency":"([A-Z]+)","amount":(\d+(?:\.\d+)?)\}/.exec(
        raw.toString('utf8'),
      );
      const exactlyOneOrder = (biz.originMerchantOrderNo === undefined) !== (biz.originOrderNo === undefined);
      if (!literal || !exactlyOneOrder || typeof biz.amount.amount !== 'number') {
        return answer(
          response,
          '{"head":{"applyStatus":"FAIL","code":"400","msg":"INVALID_PARAMETER"}}',
          undefined,
        );
      }
      refunds.set(biz.refundMerchantOrderNo, {
        orderId: biz.originMerchantOrderNo,
        amountText: literal[2] ?? '',
        currency: literal[1] ?? '',
      });
      const text = `{"body":{"refundOrder":${refundOrderText(biz.refundMerchantOrderNo, 'CREATED')},"refundSummary":{"acquireAmount":{"amount":100.00000000,"currency":"USDT"},"remainRefundAmount":{"amount":87.66000000,"currency":"USDT"}}},${head}}`;
      return answer(response, text, signer);
    }
    if (request.url === '/sgs/api/crypto/refund/getOrder' && refunds.has(biz.refundMerchantOrderNo)) {
      return answer(
        response,
        `{"body":{"refundOrder":${refundOrderText(biz.refundMerchantOrderNo, 'SUCCESS')}},${head}}`,
        signer,
      );
    }
    return answer(
      response,
      '{"head":{"applyStatus":"FAIL","code":"77004","msg":"MERCHANT_ORDER_NO_NOT_EXIST"}}',
      signer,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sgs/api`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const adapter = () =>
  createBonusPay({
    partnerId,
    // PKCS#1, which the reference says Node accepts; the platform key is SPKI as the portal hands it out.
    privateKey: merchant.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    platformPublicKey: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    baseUrl,
  });

describe('createBonusPay against an independently written BonusPay on 127.0.0.1', () => {
  it('refunds: the server verifies our signature over its raw bytes, we verify its answer over ours', async () => {
    answerMode = 'honest';
    const result = await adapter().refund({
      refundId: 'IND-0001',
      orderId: 'M-0001',
      amount: { amount: '12.34', currency: 'USDT' },
      reason: 'independent check',
    });
    expect(seen.at(-1)).toMatchObject({ path: '/sgs/api/crypto/refund/placeOrder', verified: true });
    expect(seen.at(-1)?.rawText).toContain('"amount":{"currency":"USDT","amount":12.34}');
    expect(result).toMatchObject({
      refundId: 'IND-0001',
      provider: 'bonuspay',
      providerRefundId: '231700000000000999',
      status: 'pending',
      amount: { amount: '12.34000000', currency: 'USDT' },
    });
    const final = await adapter().getRefund({ refundId: 'IND-0001', orderId: 'M-0001' });
    expect(seen.at(-1)).toMatchObject({ path: '/sgs/api/crypto/refund/getOrder', verified: true });
    expect(final.status).toBe('succeeded');
  });

  it('refuses an answer whose signature was tampered with, and leaves the refund unknown', async () => {
    answerMode = 'tampered';
    const error = await adapter()
      .refund({ refundId: 'IND-0002', orderId: 'M-0002', amount: { amount: '1', currency: 'USDT' } })
      .catch((caught: unknown) => caught);
    expect(seen.at(-1)?.verified).toBe(true);
    expect(error).toMatchObject({ code: 'signature_invalid', outcome: 'unknown' });
  });

  it('refuses an answer signed by any key but the platform key', async () => {
    answerMode = 'signed-by-stranger';
    await expect(adapter().getRefund({ refundId: 'IND-0001' })).rejects.toMatchObject({
      code: 'signature_invalid',
    });
  });
});
