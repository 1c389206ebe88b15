import { inspect } from 'node:util';
import type { HttpRequestEvent, RefundRequest } from '@refunds/core';
import { refundErrorOf as refusal } from '@refunds/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeIotPayFetch, fakeRequest, fakeSettings } from './__fixtures__/fake-iotpay-fetch';
import { createIotPay } from './create-iotpay';
import type { IotPaySettings } from './iotpay-settings';
import { createIotPaySandbox, type IotPaySandbox } from './sandbox/create-iotpay-sandbox';
import type { IotPaySandboxOptions } from './sandbox/iotpay-sandbox-options';
import { hasValidXxPaySign } from './sandbox/sign-like-xxpay';

let sequence = 0;
const newRefundId = () => `T${Date.now().toString(36)}${(sequence++).toString(36)}`;

async function withSandbox(options: IotPaySandboxOptions, run: (sandbox: IotPaySandbox) => Promise<void>) {
  const sandbox = await createIotPaySandbox({ settleAfterMs: 60_000, ...options });
  try {
    await run(sandbox);
  } finally {
    await sandbox.close();
  }
}

describe('createIotPay against the sandbox', () => {
  let sandbox: IotPaySandbox;
  const provider = (overrides: IotPaySettings = {}) =>
    createIotPay({ ...(sandbox.settings as IotPaySettings), ...overrides });
  const refundOf = async (amount: string, orderAmount = '10.00'): Promise<RefundRequest> => {
    const order = await sandbox.seedOrder({ amount: { amount: orderAmount, currency: 'CAD' } });
    return { refundId: newRefundId(), orderId: order.orderId, amount: { amount, currency: 'CAD' } };
  };

  beforeAll(async () => {
    sandbox = await createIotPaySandbox({ settleAfterMs: 60_000 });
  });
  afterAll(() => sandbox.close());

  it('posts one percent-encoded params form with integer cents, signed as IOTPay verifies it', async () => {
    const request = await refundOf('10.50', '20.00');
    const result = await provider().refund(request);
    expect(result).toMatchObject({
      refundId: request.refundId,
      status: 'pending',
      amount: { amount: '10.50' },
    });
    expect(result.providerRefundId).toMatch(/^R01\d+$/);
    const sent = sandbox.requests.at(-1);
    expect(sent?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(sent?.text).toMatch(/^params=%7B/);
    const json = new URLSearchParams(sent?.text).get('params') ?? '';
    expect(json).toContain('"refundAmount":1050');
    const params = JSON.parse(json) as Record<string, unknown>;
    expect(params).toMatchObject({
      mchId: sandbox.settings.mchId,
      mchRefundNo: request.refundId,
      payOrderId: request.orderId,
      currency: 'CAD',
      clientIp: '127.0.0.1',
      loginName: sandbox.settings.loginName,
    });
    expect(hasValidXxPaySign(params, String(sandbox.settings.merchantKey))).toBe(true);
  });

  it('stays pending until the refund settles, then getRefund reports it succeeded', async () => {
    const request = await refundOf('2.00');
    const accepted = await provider().refund(request);
    const before = await provider().getRefund({ refundId: request.refundId });
    expect(before.status).toBe('pending');
    await sandbox.settleAll();
    const after = await provider().getRefund({ refundId: request.refundId, orderId: request.orderId });
    expect(after).toMatchObject({
      refundId: request.refundId,
      providerRefundId: accepted.providerRefundId,
      status: 'succeeded',
      amount: { amount: '2.00', currency: 'CAD' },
    });
    expect(JSON.stringify(after.raw)).not.toContain(String(sandbox.settings.merchantKey));
  });

  it('returns the refund it already made when the same refund is sent again, and executes it once', async () => {
    const request = await refundOf('4.00');
    const first = await provider().refund(request);
    const again = await provider().refund(request);
    expect(again).toMatchObject({ refundId: request.refundId, providerRefundId: first.providerRefundId });
    expect(sandbox.executedRefunds().filter((refund) => refund.refundId === request.refundId)).toHaveLength(
      1,
    );
  });

  it('refuses a reused refund id for another amount as duplicate, without a second refund', async () => {
    const request = await refundOf('4.00');
    await provider().refund(request);
    const error = await refusal(
      provider().refund({ ...request, amount: { amount: '5.00', currency: 'CAD' } }),
    );
    expect([error.code, error.outcome]).toEqual(['duplicate', 'rejected']);
    expect(error.message).toContain(request.refundId);
    expect(sandbox.executedRefunds().filter((refund) => refund.orderId === request.orderId)).toHaveLength(1);
  });

  it('reports an unknown refund as not found', async () => {
    const error = await refusal(provider().getRefund({ refundId: newRefundId() }));
    expect([error.code, error.outcome]).toEqual(['not_found', 'rejected']);
  });

  it('refuses a wrong merchant key as authentication, and the key appears nowhere', async () => {
    const wrongKey = 'WRONG_KEY_0123456789abcdef';
    const error = await refusal(provider({ merchantKey: wrongKey }).refund(await refundOf('1.00')));
    expect([error.code, error.outcome, error.providerCode]).toEqual(['authentication', 'rejected', '0013']);
    expect(error.message).toContain('merchantKey');
    expect(`${inspect(error)} ${JSON.stringify(error)} ${error.stack}`).not.toContain(wrongKey);
  });

  it('refuses an unknown mchId as authentication', async () => {
    const error = await refusal(provider({ mchId: '1' }).refund(await refundOf('1.00')));
    expect([error.code, error.outcome, error.providerCode]).toEqual(['authentication', 'rejected', '0015']);
  });

  it('refuses a wrong loginName as invalid_request', async () => {
    const error = await refusal(provider({ loginName: 'someone-else' }).refund(await refundOf('1.00')));
    expect([error.code, error.outcome, error.providerCode]).toEqual(['invalid_request', 'rejected', '0014']);
  });

  it('refuses a currency other than the order one', async () => {
    const request = await refundOf('1.00');
    const error = await refusal(
      provider().refund({ ...request, amount: { amount: '1.00', currency: 'USD' } }),
    );
    expect([error.code, error.outcome]).toEqual(['invalid_request', 'rejected']);
    expect(sandbox.executedRefunds().filter((refund) => refund.orderId === request.orderId)).toHaveLength(0);
  });

  it('treats a response with a tampered or missing sign as signature_invalid, the refund unknown', async () => {
    for (const kind of ['tampered-signature', 'unsigned-body'] as const) {
      const request = await refundOf('1.00');
      sandbox.injectFault({ fault: { kind }, path: '/v1/refund_order' });
      const error = await refusal(provider().refund(request));
      expect([kind, error.code, error.outcome]).toEqual([kind, 'signature_invalid', 'unknown']);
      // The refund did happen: only getRefund can say so.
      expect((await provider().getRefund({ refundId: request.refundId })).status).toBe('pending');
    }
  });

  it('accepts an unsigned success only when requireSignedResponses is false', async () => {
    const request = await refundOf('1.00');
    sandbox.injectFault({ fault: { kind: 'unsigned-body' }, path: '/v1/refund_order' });
    const result = await provider({ requireSignedResponses: false }).refund(request);
    expect(result.status).toBe('pending');
  });

  it('refuses a query answer with a tampered sign', async () => {
    const request = await refundOf('1.00');
    await provider().refund(request);
    sandbox.injectFault({ fault: { kind: 'tampered-signature' }, path: '/v1/query_refund_order' });
    const error = await refusal(provider().getRefund({ refundId: request.refundId }));
    expect(error.code).toBe('signature_invalid');
  });

  it('reports a malformed body after a refund as invalid_response, unknown', async () => {
    sandbox.injectFault({ fault: { kind: 'malformed-body' }, path: '/v1/refund_order' });
    const error = await refusal(provider().refund(await refundOf('1.00')));
    expect([error.code, error.outcome]).toEqual(['invalid_response', 'unknown']);
  });

  it('reports a 503 after a refund as provider_unavailable, unknown, and never resends it', async () => {
    const request = await refundOf('1.00');
    const before = sandbox.requests.length;
    sandbox.injectFault({ fault: { kind: 'status', status: 503 }, path: '/v1/refund_order' });
    const error = await refusal(provider().refund(request));
    expect([error.code, error.outcome]).toEqual(['provider_unavailable', 'unknown']);
    expect(sandbox.requests.length - before).toBe(1);
  });

  it('retries a query after a 503, because a read cannot pay twice', async () => {
    const request = await refundOf('1.00');
    await provider().refund(request);
    sandbox.injectFault({ fault: { kind: 'status', status: 503 }, path: '/v1/query_refund_order' });
    expect((await provider().getRefund({ refundId: request.refundId })).status).toBe('pending');
  });

  it('resolves a refund that timed out after IOTPay committed it through getRefund', async () => {
    const request = await refundOf('3.00');
    sandbox.injectFault({ fault: { kind: 'latency', ms: 600 }, path: '/v1/refund_order' });
    const error = await refusal(provider({ timeoutMs: 150 }).refund(request));
    expect([error.code, error.outcome]).toEqual(['timeout', 'unknown']);
    const found = await provider().getRefund({ refundId: request.refundId, orderId: request.orderId });
    expect(found).toMatchObject({
      refundId: request.refundId,
      status: 'pending',
      amount: { amount: '3.00' },
    });
    expect(sandbox.executedRefunds().filter((refund) => refund.refundId === request.refundId)).toHaveLength(
      1,
    );
  });

  it('says a wrong refund query path is a configuration problem, never a missing refund', async () => {
    const error = await refusal(
      provider({ refundQueryPath: '/v1/no_such_path' }).getRefund({ refundId: 'R1' }),
    );
    expect([error.code, error.outcome]).toEqual(['unsupported', 'rejected']);
    expect(error.message).toContain('refundQueryPath');
  });

  it('never shows the merchant key when the provider is logged, inspected or serialized', async () => {
    const key = String(sandbox.settings.merchantKey);
    const events: HttpRequestEvent[] = [];
    const logged = provider({ hooks: { onRequest: (event) => events.push(event) } });
    await logged.refund(await refundOf('1.00'));
    const shown = [inspect(logged, { depth: 10, showHidden: true }), JSON.stringify(logged), String(logged)];
    for (const text of [...shown, JSON.stringify(events)]) expect(text).not.toContain(key);
    expect(events[0]?.body).toMatch(/^params=/);
  });
});

describe('createIotPay with settings read from the environment', () => {
  it('reads every credential lazily from IOTPAY_* variables', async () => {
    await withSandbox({}, async (sandbox) => {
      const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'USD' } });
      // Created before the variables exist: nothing is read until the first call.
      const provider = createIotPay({ baseUrl: sandbox.url });
      const variables = {
        IOTPAY_MCH_ID: String(sandbox.settings.mchId),
        IOTPAY_MERCHANT_KEY: String(sandbox.settings.merchantKey),
        IOTPAY_LOGIN_NAME: String(sandbox.settings.loginName),
      };
      Object.assign(process.env, variables);
      try {
        const result = await provider.refund({
          refundId: newRefundId(),
          orderId: order.orderId,
          amount: { amount: '5', currency: 'USD' },
        });
        expect(result.amount).toEqual({ amount: '5.00', currency: 'USD' });
      } finally {
        for (const name of Object.keys(variables)) delete process.env[name];
      }
    });
  });
});

describe('createIotPay with other IOTPay behaviours', () => {
  it('reports a refund IOTPay settles as failed (status 3) with its failure', async () => {
    await withSandbox({ finalStatus: 3 }, async (sandbox) => {
      const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'CAD' } });
      const provider = createIotPay(sandbox.settings as IotPaySettings);
      const refundId = newRefundId();
      await provider.refund({ refundId, orderId: order.orderId, amount: order.amount });
      await sandbox.settleAll();
      const result = await provider.getRefund({ refundId });
      expect(result.status).toBe('failed');
      expect(result.failure?.code).toBe('3');
    });
  });

  it('reports the configured currency when the query answer names none (XxPay model)', async () => {
    await withSandbox({ refundQueryNamesOrder: false, settleAfterMs: 0 }, async (sandbox) => {
      const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'USD' } });
      const provider = createIotPay({ ...(sandbox.settings as IotPaySettings), currency: 'USD' });
      const refundId = newRefundId();
      await provider.refund({ refundId, orderId: order.orderId, amount: order.amount });
      await sandbox.settleAll();
      const result = await provider.getRefund({ refundId });
      expect(result).toMatchObject({ status: 'succeeded', amount: { amount: '5.00', currency: 'USD' } });
      expect(result.providerRefundId).toBeUndefined();
    });
  });

  it('reports a resent refund as duplicate when the query cannot confirm its order', async () => {
    await withSandbox({ refundQueryNamesOrder: false }, async (sandbox) => {
      const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'CAD' } });
      const provider = createIotPay(sandbox.settings as IotPaySettings);
      const request = { refundId: newRefundId(), orderId: order.orderId, amount: order.amount };
      await provider.refund(request);
      const error = await refusal(provider.refund(request));
      expect([error.code, error.outcome]).toEqual(['duplicate', 'rejected']);
      expect(sandbox.executedRefunds()).toHaveLength(1);
    });
  });

  it.each(['reject-communication', 'replay'] as const)(
    'returns the existing refund when IOTPay answers a resent one with %s',
    async (duplicateRefundNo) => {
      await withSandbox({ duplicateRefundNo }, async (sandbox) => {
        const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'CAD' } });
        const provider = createIotPay(sandbox.settings as IotPaySettings);
        const request = { refundId: newRefundId(), orderId: order.orderId, amount: order.amount };
        const first = await provider.refund(request);
        const again = await provider.refund(request);
        expect(again.providerRefundId).toBe(first.providerRefundId);
        expect(sandbox.executedRefunds()).toHaveLength(1);
      });
    },
  );

  it('declares its capabilities: no notifications, native idempotency only when configured', () => {
    expect(createIotPay(fakeSettings).capabilities).toEqual({
      partialRefund: true,
      multipleRefunds: true,
      statusQuery: true,
      notifications: false,
      nativeIdempotency: false,
    });
    expect(createIotPay({ ...fakeSettings, nativeIdempotency: true }).capabilities.nativeIdempotency).toBe(
      true,
    );
    expect('verifyNotification' in createIotPay(fakeSettings)).toBe(false);
  });

  it('refuses an acceptance that echoes another refund id, order or amount: invalid_response, unknown', async () => {
    for (const echoed of [
      { mchRefundNo: 'SOMEONE_ELSE' },
      { payOrderId: 'U1' },
      { refundAmount: '1049' },
      { refundAmount: 1051 },
      { currency: 'USD' },
    ]) {
      const fake = fakeIotPayFetch(
        { retCode: 'SUCCESS', retMsg: '', resCode: 'SUCCESS', refundOrderId: 'R01', ...echoed },
        fakeSettings.merchantKey,
      );
      const error = await refusal(createIotPay({ ...fakeSettings, fetch: fake.fetch }).refund(fakeRequest));
      expect([error.code, error.outcome]).toEqual(['invalid_response', 'unknown']);
    }
  });

  it('accepts an acceptance that echoes the same values, the amount as a number or a string', async () => {
    const fake = fakeIotPayFetch(
      {
        retCode: 'SUCCESS',
        retMsg: '',
        resCode: 'SUCCESS',
        refundOrderId: 'R01201809181620000001',
        mchRefundNo: fakeRequest.refundId,
        refundAmount: 1050,
      },
      fakeSettings.merchantKey,
    );
    const result = await createIotPay({ ...fakeSettings, fetch: fake.fetch }).refund(fakeRequest);
    expect(result.providerRefundId).toBe('R01201809181620000001');
  });

  it('refuses a retCode SUCCESS without resCode as not accepted', async () => {
    const fake = fakeIotPayFetch(
      { retCode: 'SUCCESS', retMsg: '', refundOrderId: 'R01' },
      fakeSettings.merchantKey,
    );
    const error = await refusal(createIotPay({ ...fakeSettings, fetch: fake.fetch }).refund(fakeRequest));
    expect([error.code, error.outcome]).toEqual(['invalid_response', 'unknown']);
  });

  it('refuses a query answer about another refund or order', async () => {
    const answer = {
      retCode: 'SUCCESS',
      mchRefundNo: fakeRequest.refundId,
      refundAmount: '1050',
      status: '2',
    };
    for (const [lookup, body] of [
      [{ refundId: fakeRequest.refundId }, { ...answer, mchRefundNo: 'OTHER' }],
      [
        { refundId: fakeRequest.refundId, orderId: 'U2' },
        { ...answer, payOrderId: 'U1' },
      ],
      [{ refundId: fakeRequest.refundId }, { ...answer, status: '7' }],
      [{ refundId: fakeRequest.refundId }, { ...answer, currency: 'EUR' }],
    ] as const) {
      const fake = fakeIotPayFetch(body, fakeSettings.merchantKey);
      const error = await refusal(createIotPay({ ...fakeSettings, fetch: fake.fetch }).getRefund(lookup));
      expect(error.code).toBe('invalid_response');
    }
  });
});
