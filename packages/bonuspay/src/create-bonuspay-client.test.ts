import { inspect } from 'node:util';
import { RefundError } from '@refunds/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, fakeBonusPayFetch } from './__fixtures__/fake-bonuspay-fetch';
import { testKeys, testSettings, vector } from './__fixtures__/known-answers';
import { createBonusPayClient } from './create-bonuspay-client';

// The vectors were made with one test key playing both roles (reference B8).
const settings = testSettings;

const v1Request = {
  refundMerchantOrderNo: 'R20231114000001',
  originMerchantOrderNo: 'M20231114000001',
  amount: { currency: 'USDT', amount: '1.5' },
  notifyUrl: 'https://merchant.example.com/bonuspay/refund-notify',
  operatorName: 'tester',
  reason: 'customer request',
  chainCode: 'TRON',
  refundAddress: 'TU1PTkFH1DnaRsAP5Aa12YXY2KNgsgm8PD',
  reserved: 'test vector',
};

afterEach(() => {
  vi.useRealTimers();
});

/** A client at the vectors' moment whose every request BonusPay answers with V3, as signed in the reference. */
function clientAnsweringV3() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_700_000_000_000);
  const v3 = vector('V3');
  const { fetch, requests } = fakeBonusPayFetch(testKeys.privateKey, () => ({
    body: v3.body,
    sign: v3.sign,
  }));
  return { client: createBonusPayClient({ ...settings, fetch }), requests };
}

describe('createBonusPayClient', () => {
  it('sends V1 byte for byte with its signature, and reads V3 keeping ids as strings', async () => {
    const { client, requests } = clientAnsweringV3();

    const response = await client.placeRefundOrder(v1Request);

    expect(requests).toHaveLength(1);
    const [sent] = requests;
    expect(sent?.url).toBe('https://bonuspay.test/sgs/api/crypto/refund/placeOrder');
    expect(sent?.body).toBe(vector('V1').body);
    expect(sent?.headers.get('sign')).toBe(vector('V1').sign);
    expect(sent?.headers.get('partner-id')).toBe('200000000888');
    expect(sent?.headers.get('content-language')).toBe('en');
    expect(sent?.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.head).toMatchObject({ applyStatus: 'SUCCESS', code: '0' });
    expect(response.body.refundOrder).toMatchObject({
      orderNo: '231700000000000001',
      status: 'CREATED',
      amount: { currency: 'USDT', amount: '1.5' },
    });
    expect(response.body.refundSummary?.remainRefundAmount).toEqual({ currency: 'USDT', amount: '8.5' });
  });

  it('sends V2 for getOrder by refundMerchantOrderNo', async () => {
    const { client, requests } = clientAnsweringV3();
    await client.getRefundOrder({ refundMerchantOrderNo: 'R20231114000001' });
    expect(requests[0]?.url).toBe('https://bonuspay.test/sgs/api/crypto/refund/getOrder');
    expect(requests[0]?.body).toBe(vector('V2').body);
    expect(requests[0]?.headers.get('sign')).toBe(vector('V2').sign);
  });

  it('signs each attempt afresh: a retried read carries a new requestTime and signature', async () => {
    let calls = 0;
    const { fetch, requests } = fakeBonusPayFetch(testKeys.privateKey, () => {
      calls += 1;
      return calls === 1
        ? { status: 503, body: '', sign: 'none' }
        : { body: vector('V3').body, sign: vector('V3').sign };
    });
    const client = createBonusPayClient({ ...settings, fetch });
    await new Promise((resolve) => setTimeout(resolve, 2));
    await client.getRefundOrder({ refundMerchantOrderNo: 'R20231114000001' });
    expect(requests).toHaveLength(2);
    expect(requests[0]?.body).not.toBe(requests[1]?.body);
    expect(requests[0]?.headers.get('sign')).not.toBe(requests[1]?.headers.get('sign'));
  });

  it('never resends a refund after an answer that may follow execution', async () => {
    const { fetch, requests } = fakeBonusPayFetch(testKeys.privateKey, () => ({
      status: 503,
      body: '',
      sign: 'none',
    }));
    const error = await createBonusPayClient({ ...settings, fetch })
      .placeRefundOrder(v1Request)
      .catch((caught: unknown) => caught);
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'provider_unavailable', outcome: 'unknown' });
  });

  it('refuses an answer whose signature is missing, wrong, or over other bytes, and never reports it done', async () => {
    const success = envelope(
      { applyStatus: 'SUCCESS', code: '0', msg: 'SUCCESS' },
      '{"refundOrder":{"refundMerchantOrderNo":"R20231114000001","orderNo":"1","status":"SUCCESS","amount":{"currency":"USDT","amount":1.5}}}',
    );
    for (const sign of ['none', vector('V3').sign, '', 'not base64!']) {
      const { fetch } = fakeBonusPayFetch(testKeys.privateKey, () => ({ body: success, sign }));
      const client = createBonusPayClient({ ...settings, fetch });
      await expect(client.placeRefundOrder(v1Request)).rejects.toMatchObject({
        code: 'signature_invalid',
        outcome: 'unknown',
      });
      await expect(client.getRefundOrder({ refundMerchantOrderNo: 'R1' })).rejects.toMatchObject({
        code: 'signature_invalid',
        outcome: 'rejected',
      });
    }
  });

  it('reads a signed answer whose body comes before its head and whose amounts keep trailing zeros', async () => {
    const body =
      '{"body":{"refundOrder":{"status":"SUCCESS","amount":{"amount":1.50000000,"currency":"USDT"},"orderNo":231700000000000001,"refundMerchantOrderNo":"R1","extra":{"txHash":"0xabc"}}},"head":{"traceCode":"t","msg":"SUCCESS","code":"0","applyStatus":"SUCCESS"}}';
    const { fetch } = fakeBonusPayFetch(testKeys.privateKey, () => ({ body }));
    const response = await createBonusPayClient({ ...settings, fetch }).getRefundOrder({
      refundMerchantOrderNo: 'R1',
    });
    expect(response.body.refundOrder.amount.amount).toBe('1.50000000');
    expect(response.body.refundOrder.orderNo).toBe('231700000000000001');
    expect(response.body.refundOrder.extra).toEqual({ txHash: '0xabc' });
  });

  it('reports a signed success with an unreadable body as invalid_response, unknown after a write', async () => {
    const body = envelope(
      { applyStatus: 'SUCCESS', code: '0', msg: 'SUCCESS' },
      '{"refundOrder":{"status":"CREATED"}}',
    );
    const { fetch } = fakeBonusPayFetch(testKeys.privateKey, () => ({ body }));
    await expect(
      createBonusPayClient({ ...settings, fetch }).placeRefundOrder(v1Request),
    ).rejects.toMatchObject({
      code: 'invalid_response',
      outcome: 'unknown',
    });
  });

  it('verifies the V4 notification and reads 1.50000000 without losing its scale', async () => {
    const { body, sign } = vector('V4');
    const client = createBonusPayClient({ platformPublicKey: testKeys.publicKey });
    const verified = await client.verifyRefundNotification({ body, headers: { Sign: sign } });
    expect(verified.shape).toBe('flat');
    expect(verified.notification.notify_id).toBe('202311140000000001');
    expect(verified.notification.refundOrder).toMatchObject({
      refundMerchantOrderNo: 'R20231114000001',
      orderNo: '231700000000000001',
      status: 'SUCCESS',
      amount: { amount: '1.50000000', currency: 'USDT' },
    });
  });

  it('reports a missing credential at the first call, naming the setting and the variable', async () => {
    vi.stubEnv('BONUSPAY_PRIVATE_KEY', '');
    const client = createBonusPayClient({ partnerId: '200000000888', platformPublicKey: testKeys.publicKey });
    const error = await client
      .getRefundOrder({ refundMerchantOrderNo: 'R1' })
      .catch((caught: unknown) => caught);
    vi.unstubAllEnvs();
    expect(RefundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'privateKey' });
    expect((error as RefundError).message).toContain('BONUSPAY_PRIVATE_KEY');
  });

  it('reads credentials from the environment when they are not passed', async () => {
    vi.stubEnv('BONUSPAY_PARTNER_ID', '200000000999');
    vi.stubEnv('BONUSPAY_PRIVATE_KEY', testKeys.privateKey);
    vi.stubEnv('BONUSPAY_PLATFORM_PUBLIC_KEY', testKeys.publicKey);
    vi.stubEnv('BONUSPAY_ENVIRONMENT', 'sandbox');
    const { fetch, requests } = fakeBonusPayFetch(testKeys.privateKey, () => vector('V3'));
    await createBonusPayClient({ fetch }).getRefundOrder({ refundMerchantOrderNo: 'R20231114000001' });
    vi.unstubAllEnvs();
    expect(requests[0]?.url).toBe('http://api.testbonuspay.network/sgs/api/crypto/refund/getOrder');
    expect(requests[0]?.headers.get('partner-id')).toBe('200000000999');
  });

  it('refuses requests BonusPay would refuse, naming its own fields, before sending anything', async () => {
    const { fetch, requests } = fakeBonusPayFetch(testKeys.privateKey, () => vector('V3'));
    const client = createBonusPayClient({ ...settings, fetch });
    const cases: [Promise<unknown>, string, RegExp][] = [
      [client.placeRefundOrder({ ...v1Request, deviceId: 'd' } as never), 'deviceId', /not a field/],
      [client.placeRefundOrder({ ...v1Request, originOrderNo: '1' }), 'originOrderNo', /exactly one .* both/],
      [
        client.placeRefundOrder({ ...v1Request, originMerchantOrderNo: undefined }),
        'originMerchantOrderNo',
        /neither/,
      ],
      [client.placeRefundOrder({ ...v1Request, reserved: 'r'.repeat(201) }), 'reserved', /String\(200\)/],
      [
        client.placeRefundOrder({ ...v1Request, refundMerchantOrderNo: 7 } as never),
        'refundMerchantOrderNo',
        /string/,
      ],
      [
        client.placeRefundOrder({ ...v1Request, chainCode: 'ETH' }),
        'refundAddress',
        /not a valid ETH address/,
      ],
      [client.getRefundOrder({} as never), 'refundMerchantOrderNo', /neither/],
      [
        client.getRefundOrder({ refundMerchantOrderNo: 'R', orderNo: '1' } as never),
        'refundMerchantOrderNo',
        /both/,
      ],
      [client.getRefundOrder({ orderNo: '1'.repeat(33) }), 'orderNo', /String\(32\)/],
    ];
    for (const [call, field, rule] of cases) {
      const error = await call.catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field });
      expect((error as Error).message).toMatch(rule);
    }
    expect(requests).toHaveLength(0);
  });

  it('shows no secret when logged or serialized', () => {
    const client = createBonusPayClient(settings);
    const secretLine = testKeys.privateKey.split('\n')[1] ?? 'missing';
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(secretLine);
    expect(JSON.stringify(client)).not.toContain(secretLine);
    expect(String(client)).not.toContain(secretLine);
  });
});
