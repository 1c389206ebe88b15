import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import getOrderRequest from './__fixtures__/payby-java-sdk/get-crypto-refund-order.request.json';
import {
  cryptoRefundOrderResponseWrap,
  placeCryptoRefundOrderResponseWrap,
} from './__fixtures__/payby-java-sdk/payby-java-sdk-models';
import placeOrderRequest from './__fixtures__/payby-java-sdk/place-crypto-refund-order.request.json';
import { sharedSandboxKeyPairs } from './__fixtures__/sandbox-key-pairs';
import { defaultBonusPayAssets } from './bonuspay-assets';
import type { BonusPaySandboxOptions } from './sandbox/bonuspay-sandbox-options';
import { type BonusPaySandbox, createBonusPaySandbox } from './sandbox/create-bonuspay-sandbox';

type RecordedRequest = typeof placeOrderRequest;

// The merchant key the SDK signs with, made for this test: the recorded signatures were made with a throwaway key.
const merchant = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const sent = JSON.parse(placeOrderRequest.body) as {
  bizContent: { originMerchantOrderNo: string; refundMerchantOrderNo: string };
};

const open: BonusPaySandbox[] = [];
afterAll(async () => {
  await Promise.all(open.map((sandbox) => sandbox.close()));
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * A sandbox that knows what the demo refunds: PayByDemo's partner-id, the order the recording refunds (by its
 * recorded merchantOrderNo, so no byte of the request changes), and BUSD, the demo's asset, which BonusPay
 * itself does not list.
 */
async function startSandbox(
  order: { chainCode: string | null },
  options: BonusPaySandboxOptions = {},
): Promise<BonusPaySandbox> {
  const { platform } = await sharedSandboxKeyPairs();
  const sandbox = await createBonusPaySandbox({
    keyPairs: { merchant, platform },
    partnerId: placeOrderRequest.headers['partner-id'],
    assets: { ...defaultBonusPayAssets, BUSD: { decimals: 2, chains: ['ETH'] } },
    settleAfterMs: 60_000,
    ...options,
  });
  open.push(sandbox);
  await sandbox.seedOrder({
    amount: { amount: '10.00', currency: 'BUSD' },
    merchantOrderNo: sent.bizContent.originMerchantOrderNo,
    chainCode: order.chainCode,
  });
  return sandbox;
}

/**
 * Posts a recorded request byte for byte, signed as the SDK signs (SHA256withRSA over the body, base64 in
 * `sign`), with the sandbox's clock at the recorded requestTime: the recorded body keeps its own, unchanged.
 */
async function replay(recorded: RecordedRequest, sandbox: BonusPaySandbox) {
  const body = Buffer.from(recorded.body, 'utf8');
  vi.useFakeTimers({ toFake: ['Date'], now: recorded.requestTime });
  const response = await fetch(`${new URL(sandbox.url).origin}${recorded.path}`, {
    method: recorded.method,
    headers: {
      ...recorded.headers,
      [recorded.signature.header]: sign('sha256', body, merchant.privateKey).toString('base64'),
    },
    body,
  });
  const text = await response.text();
  vi.useRealTimers();
  expect(Buffer.compare(sandbox.requests.at(-1)?.body ?? Buffer.alloc(0), body)).toBe(0);
  const signature = response.headers.get('sign');
  return {
    status: response.status,
    text,
    json: JSON.parse(text) as { head: { code: string; msg: string }; body?: Record<string, unknown> },
    signed: signature !== null,
    verifies:
      signature !== null &&
      verify(
        'sha256',
        Buffer.from(text, 'utf8'),
        sandbox.publicKeys.platform,
        Buffer.from(signature, 'base64'),
      ),
  };
}

/** What the SDK's classes read from an answer, or the problems that would make fastjson fail or lose a field. */
function asSdkModel(schema: v.GenericSchema, answer: { json: unknown }) {
  const result = v.safeParse(schema, answer.json);
  return result.success
    ? 'parses'
    : result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}

describe('PayBy Java SDK requests, replayed against the BonusPay sandbox', () => {
  beforeAll(() => {
    for (const recorded of [placeOrderRequest, getOrderRequest]) {
      const bytes = Buffer.from(recorded.body, 'utf8');
      expect(bytes.length).toBe(recorded.bodyBytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(recorded.bodySha256);
    }
  });

  it('records what the SDK builds: its own headers, JSON sorted by fastjson, requestTime last', () => {
    expect(placeOrderRequest.source).toMatchObject({
      repository: 'PayBy/PayBy-java',
      files: expect.arrayContaining(['PayByDemo.java', 'dependency/payby-sdk-1.4.3.jar']),
    });
    expect(placeOrderRequest.headers).toMatchObject({
      'api-version': 'v1',
      'Content-Type': 'application/json',
    });
    expect(placeOrderRequest.body).toMatch(
      /^\{"bizContent":\{"amount":\{"amount":0\.01,"currency":"BUSD"\},/,
    );
    // PayBy's PlaceCryptoRefundOrderRequest has no chainCode nor refundAddress.
    expect(placeOrderRequest.body).not.toMatch(/chainCode|refundAddress/);
  });

  it('places the refund, answers it signed, and the answer parses under PlaceCryptoRefundOrderResponse', async () => {
    const sandbox = await startSandbox({ chainCode: null });
    const answer = await replay(placeOrderRequest, sandbox);
    expect(answer.status).toBe(200);
    expect(answer.verifies).toBe(true);
    expect(asSdkModel(placeCryptoRefundOrderResponseWrap, answer)).toBe('parses');
    expect(answer.json.head).toMatchObject({ applyStatus: 'SUCCESS', code: '0', msg: 'SUCCESS' });
    expect(answer.json.body?.refundOrder).toMatchObject({
      refundMerchantOrderNo: sent.bizContent.refundMerchantOrderNo,
      originMerchantOrderNo: sent.bizContent.originMerchantOrderNo,
      status: 'CREATED',
      amount: { amount: 0.01, currency: 'BUSD' },
      notifyUrl: 'http://yoursite.com/api/notification',
      reason: 'reason123',
      reserved: 'merchant reserved',
    });
    expect(answer.text).toContain('"amount":{"currency":"BUSD","amount":0.01}');
    expect(sandbox.executedRefunds()).toHaveLength(1);

    // The same bytes again, as the SDK's caller retries: the original refund order, nothing executed twice.
    const retry = await replay(placeOrderRequest, sandbox);
    expect(retry.verifies).toBe(true);
    expect(asSdkModel(placeCryptoRefundOrderResponseWrap, retry)).toBe('parses');
    expect(retry.json.body?.refundOrder).toEqual(answer.json.body?.refundOrder);
    expect(sandbox.executedRefunds()).toHaveLength(1);

    const query = await replay(getOrderRequest, sandbox);
    expect(query.verifies).toBe(true);
    expect(asSdkModel(cryptoRefundOrderResponseWrap, query)).toBe('parses');
    expect(query.json.body?.refundOrder).toEqual(answer.json.body?.refundOrder);
    expect(query.json.body?.refundSummary).toEqual({
      acquireAmount: { currency: 'BUSD', amount: 10 },
      remainRefundAmount: { currency: 'BUSD', amount: 9.99 },
    });
  });

  it('answers the query of a refund the read side does not show yet with a signed 77004 the SDK reads', async () => {
    const sandbox = await startSandbox({ chainCode: null }, { readLagMs: 60_000 });
    await replay(placeOrderRequest, sandbox);
    const query = await replay(getOrderRequest, sandbox);
    expect(query.verifies).toBe(true);
    expect(asSdkModel(cryptoRefundOrderResponseWrap, query)).toBe('parses');
    expect(query.json.head).toMatchObject({ code: '77004', msg: 'MERCHANT_ORDER_NO_NOT_EXIST' });
    expect(query.json.body).toBeUndefined();
  });

  it('refuses the SDK request for a chain payment naming chainCode, unsigned as the SDK allows for 400', async () => {
    const sandbox = await startSandbox({ chainCode: 'ETH' });
    const answer = await replay(placeOrderRequest, sandbox);
    expect(asSdkModel(placeCryptoRefundOrderResponseWrap, answer)).toBe('parses');
    expect(answer.signed).toBe(false);
    expect(answer.json.head.code).toBe('400');
    expect(answer.json.head.msg).toBe(
      'INVALID_PARAMETER: chainCode: is required for a chain payment (this order was paid on ETH): send chainCode and refundAddress',
    );
    expect(sandbox.executedRefunds()).toHaveLength(0);
  });

  it('holds answers to the SDK types: a quoted amount, a numeric id or an unknown field would not pass', () => {
    const head = { applyStatus: 'SUCCESS', code: '0', msg: 'SUCCESS', traceCode: 't' };
    const refundOrder = { orderNo: '1', status: 'CREATED', amount: { amount: 0.01, currency: 'BUSD' } };
    const check = (body: unknown) => asSdkModel(placeCryptoRefundOrderResponseWrap, { json: { head, body } });
    expect(check({ refundOrder })).toBe('parses');
    expect(check({ refundOrder: { ...refundOrder, amount: { amount: '0.01', currency: 'BUSD' } } })).toEqual([
      expect.stringMatching(/^body\.refundOrder\.amount\.amount: /),
    ]);
    expect(check({ refundOrder: { ...refundOrder, orderNo: Number('231700000000000001') } })).toEqual([
      expect.stringMatching(/^body\.refundOrder\.orderNo: /),
    ]);
    expect(check({ refundOrder: { ...refundOrder, refundNo: '1' } })).toHaveLength(1);
  });
});
