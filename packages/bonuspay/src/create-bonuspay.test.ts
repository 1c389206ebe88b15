import { inspect } from 'node:util';
import { type HttpRequestEvent, RefundError, type RefundRequest } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { envelope, fakeBonusPayFetch } from './__fixtures__/fake-bonuspay-fetch';
import { testKeys } from './__fixtures__/known-answers';
import { sharedSandboxKeyPairs } from './__fixtures__/sandbox-key-pairs';
import { createBonusPay } from './create-bonuspay';
import { type BonusPaySandbox, createBonusPaySandbox } from './sandbox/create-bonuspay-sandbox';

let sandbox: BonusPaySandbox;
const settled: string[] = [];

beforeAll(async () => {
  sandbox = await createBonusPaySandbox({
    keyPairs: await sharedSandboxKeyPairs(),
    settleAfterMs: 60_000,
    // Refunds whose reason says so fail, to see a FAILURE come back.
    settleAs: (refund) => {
      settled.push(refund.refundMerchantOrderNo);
      return refund.refundMerchantOrderNo.startsWith('fail')
        ? { failCode: '77002', failDes: 'chain transfer rejected' }
        : 'SUCCESS';
    },
  });
});
afterAll(() => sandbox.close());

let sequence = 0;
const newRefundId = (prefix = 'r') => `${prefix}-${Date.now().toString(36)}-${sequence++}`;

async function seededRequest(amount = '10.00', currency = 'USDT'): Promise<RefundRequest> {
  const order = await sandbox.seedOrder({ amount: { amount, currency } });
  return {
    refundId: newRefundId(),
    orderId: order.orderId,
    amount: { amount: '3.10', currency },
    reason: 'damaged on arrival',
    ...(order.destination ? { destination: order.destination } : {}),
  };
}

/**
 * A sandbox of its own (a variant of BonusPay's behaviour), with one paid 4.00 USDT order and a request refunding
 * all of it; closed after `run`.
 */
async function withOwnSandbox(
  options: Omit<NonNullable<Parameters<typeof createBonusPaySandbox>[0]>, 'keyPairs'>,
  run: (own: BonusPaySandbox, request: RefundRequest) => Promise<void>,
): Promise<void> {
  const own = await createBonusPaySandbox({
    keyPairs: await sharedSandboxKeyPairs(),
    settleAfterMs: 60_000,
    ...options,
  });
  try {
    const { orderId, amount, destination } = await own.seedOrder({
      amount: { amount: '4.00', currency: 'USDT' },
    });
    await run(own, { refundId: newRefundId(), orderId, amount, ...(destination ? { destination } : {}) });
  } finally {
    await own.close();
  }
}

const lastBizContent = () =>
  JSON.parse(sandbox.requests.at(-1)?.text ?? '{}').bizContent as Record<string, unknown>;
const provider = () => createBonusPay(sandbox.settings);

describe('createBonusPay: mapping', () => {
  it('sends refundId, orderId, amount, reason and destination under BonusPay names, amount as a JSON number', async () => {
    const request = await seededRequest();
    const result = await createBonusPay({
      ...sandbox.settings,
      notifyUrl: 'http://127.0.0.1:9/notify',
    }).refund({
      ...request,
      providerOptions: { operatorName: 'support-bot', reserved: 'ticket 42' },
    });
    expect(lastBizContent()).toEqual({
      refundMerchantOrderNo: request.refundId,
      originMerchantOrderNo: request.orderId,
      amount: { currency: 'USDT', amount: 3.1 },
      notifyUrl: 'http://127.0.0.1:9/notify',
      operatorName: 'support-bot',
      reason: 'damaged on arrival',
      chainCode: request.destination?.network,
      refundAddress: request.destination?.address,
      reserved: 'ticket 42',
    });
    // Digit for digit: '3.10' is written 3.10, never 3.1000000000000001 or "3.10".
    expect(sandbox.requests.at(-1)?.text).toContain('"amount":{"currency":"USDT","amount":3.10}');
    expect(result).toMatchObject({
      refundId: request.refundId,
      provider: 'bonuspay',
      status: 'pending',
      amount: { amount: '3.10', currency: 'USDT' },
    });
    expect(result.providerRefundId).toMatch(/^\d{18}$/);
    expect(result.raw).toMatchObject({ head: { applyStatus: 'SUCCESS', code: '0' } });
  });

  it('refunds by BonusPay order number when providerOptions.orderIdField says so', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'USDT' } });
    const refundId = newRefundId();
    const result = await provider().refund({
      refundId,
      orderId: order.orderNo,
      amount: { amount: '5', currency: 'USDT' },
      destination: order.destination,
      providerOptions: { orderIdField: 'originOrderNo' },
    });
    expect(lastBizContent()).toMatchObject({ originOrderNo: order.orderNo });
    expect(lastBizContent()).not.toHaveProperty('originMerchantOrderNo');
    expect(result.status).toBe('pending');
    expect(sandbox.executedRefunds().filter((record) => record.refundId === refundId)).toHaveLength(1);
  });

  it('sends nothing optional that was not given, and refunds a payment that was not on chain', async () => {
    const order = await sandbox.seedOrder({
      amount: { amount: '0.500000', currency: 'ETH' },
      chainCode: null,
    });
    await provider().refund({
      refundId: newRefundId(),
      orderId: order.orderId,
      amount: { amount: '0.25', currency: 'ETH' },
    });
    expect(Object.keys(lastBizContent())).toEqual([
      'refundMerchantOrderNo',
      'originMerchantOrderNo',
      'amount',
    ]);
  });

  it('reports pending until BonusPay settles, then succeeded or failed with the reason', async () => {
    const ok = await seededRequest();
    const failing = { ...(await seededRequest()), refundId: newRefundId('fail') };
    await provider().refund(ok);
    await provider().refund(failing);
    expect((await provider().getRefund({ refundId: ok.refundId })).status).toBe('pending');
    await sandbox.settleAll();
    expect(await provider().getRefund({ refundId: ok.refundId, orderId: ok.orderId })).toMatchObject({
      status: 'succeeded',
      amount: { amount: '3.10', currency: 'USDT' },
    });
    const failed = await provider().getRefund({ refundId: failing.refundId });
    expect(failed).toMatchObject({
      status: 'failed',
      failure: { code: '77002', message: 'chain transfer rejected' },
    });
    expect(settled).toContain(failing.refundId);
  });

  it('reports an unknown refund id as not_found through getRefund', async () => {
    await expect(provider().getRefund({ refundId: newRefundId('missing') })).rejects.toMatchObject({
      code: 'not_found',
      outcome: 'rejected',
      providerCode: '77004',
    });
  });
});

describe('createBonusPay: resends and duplicates', () => {
  it('answers an exact retry with the refund that exists, executed once', async () => {
    const request = await seededRequest();
    const first = await provider().refund(request);
    const before = sandbox.requests.length;
    const second = await provider().refund(request);
    expect(second).toMatchObject({ refundId: request.refundId, providerRefundId: first.providerRefundId });
    // BonusPay answers the retry with the original refund order: no getOrder is needed.
    expect(sandbox.requests.length - before).toBe(1);
    expect(sandbox.executedRefunds().filter((record) => record.refundId === request.refundId)).toHaveLength(
      1,
    );
  });

  it.each([
    ['an exact retry that a stricter BonusPay refuses with 77013', { identicalRetry: 'refuse' } as const],
    [
      'a resend that BonusPay refuses with 77005 (balance used by the first send)',
      { duplicateCheck: 'after-amount' } as const,
    ],
  ])('resolves %s to the refund that exists, executed once', async (_, options) => {
    await withOwnSandbox(options, async (strict, request) => {
      const adapter = createBonusPay(strict.settings);
      const first = await adapter.refund(request);
      const second = await adapter.refund(request);
      expect(second.providerRefundId).toBe(first.providerRefundId);
      expect(strict.executedRefunds()).toHaveLength(1);
    });
  });

  it('refuses a reused refund id for a different amount as duplicate, executing nothing', async () => {
    const request = await seededRequest();
    await provider().refund(request);
    const error = await provider()
      .refund({ ...request, amount: { amount: '1.00', currency: 'USDT' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'duplicate', outcome: 'rejected', providerCode: '77013' });
    expect((error as Error).message).toMatch(/new refundId/);
    expect(sandbox.executedRefunds().filter((record) => record.refundId === request.refundId)).toHaveLength(
      1,
    );
  });

  it('reports an over-refund as declined, not as unknown', async () => {
    const request = await seededRequest('2.00');
    const error = await provider()
      .refund({ ...request, amount: { amount: '2.01', currency: 'USDT' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'declined', outcome: 'rejected', providerCode: '77005' });
  });
});

describe('createBonusPay: a resend after a lost answer, while getOrder lags (exactly once)', () => {
  it.each([
    ['77005 (the balance is checked first)', { duplicateCheck: 'after-amount' } as const, '77005'],
    ['77013 (a stricter gateway refuses exact retries)', { identicalRetry: 'refuse' } as const, '77013'],
  ])(
    'leaves a resend refused with %s unknown, never rejected, and finds the refund once it shows',
    async (_, options, code) => {
      await withOwnSandbox({ readLagMs: 60_000, ...options }, async (lagging, request) => {
        const adapter = createBonusPay(lagging.settings);
        // The refund commits at BonusPay; its answer is lost.
        lagging.injectFault({ fault: { kind: 'reset-after-commit' }, path: 'placeOrder' });
        await expect(adapter.refund(request)).rejects.toMatchObject({ outcome: 'unknown' });
        expect(lagging.executedRefunds()).toHaveLength(1);
        // The read side lags: BonusPay says the refund does not exist.
        await expect(adapter.getRefund({ refundId: request.refundId })).rejects.toMatchObject({
          code: 'not_found',
          providerCode: '77004',
        });
        // The resend is refused because the first attempt executed: that is evidence, not a failure.
        const error = await adapter.refund(request, { resend: true }).catch((caught: unknown) => caught);
        expect(error).toMatchObject({ outcome: 'unknown', providerCode: code });
        expect(lagging.executedRefunds()).toHaveLength(1);
        // The same refusal on a first attempt would have been final: the flag is what makes the difference.
        if (code === '77005') {
          await expect(adapter.refund(request)).rejects.toMatchObject({
            outcome: 'rejected',
            providerCode: code,
          });
        }
        expect(lagging.executedRefunds()).toEqual([
          expect.objectContaining({ refundId: request.refundId, status: 'pending' }),
        ]);
      });
    },
  );

  it('finds the refund through a resend once the read side caught up', async () => {
    await withOwnSandbox({ readLagMs: 300, duplicateCheck: 'after-amount' }, async (lagging, request) => {
      const adapter = createBonusPay(lagging.settings);
      lagging.injectFault({ fault: { kind: 'reset-after-commit' }, path: 'placeOrder' });
      await expect(adapter.refund(request)).rejects.toMatchObject({ outcome: 'unknown' });
      await new Promise((resolve) => setTimeout(resolve, 350));
      const found = await adapter.refund(request, { resend: true });
      expect(found).toMatchObject({ refundId: request.refundId, status: 'pending' });
      expect(lagging.executedRefunds()).toHaveLength(1);
    });
  });
});

describe('createBonusPay: outcomes that leave the refund unknown', () => {
  it('leaves a timed-out refund unknown without resending it, then finds it with getRefund', async () => {
    const request = await seededRequest();
    sandbox.injectFault({ fault: { kind: 'latency', ms: 600 }, path: 'placeOrder' });
    const before = sandbox.requests.length;
    const error = await createBonusPay({ ...sandbox.settings, timeoutMs: 150 })
      .refund(request)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'timeout', outcome: 'unknown', retryable: false });
    expect(sandbox.requests.length - before).toBe(1);
    expect(
      await provider().getRefund({ refundId: request.refundId, orderId: request.orderId }),
    ).toMatchObject({
      refundId: request.refundId,
      status: 'pending',
      amount: { amount: '3.10' },
    });
  });

  it('leaves a refund whose connection broke after BonusPay committed unknown', async () => {
    const request = await seededRequest();
    sandbox.injectFault({ fault: { kind: 'reset-after-commit' }, path: 'placeOrder' });
    await expect(provider().refund(request)).rejects.toMatchObject({ code: 'network', outcome: 'unknown' });
    expect((await provider().getRefund({ refundId: request.refundId })).refundId).toBe(request.refundId);
  });

  it.each([
    ['unsigned-body', 'signature_invalid'],
    ['tampered-signature', 'signature_invalid'],
    ['malformed-body', 'signature_invalid'],
  ] as const)('refuses a %s answer as %s and does not report the refund done', async (kind, code) => {
    const request = await seededRequest();
    sandbox.injectFault({ fault: { kind }, path: 'placeOrder' });
    await expect(provider().refund(request)).rejects.toMatchObject({ code, outcome: 'unknown' });
    expect(sandbox.executedRefunds().filter((record) => record.refundId === request.refundId)).toHaveLength(
      1,
    );
  });

  it('reports an HTTP 502 without a BonusPay envelope as provider_unavailable, unknown after a write', async () => {
    const request = await seededRequest();
    sandbox.injectFault({ fault: { kind: 'status', status: 502, body: 'Bad Gateway' }, path: 'placeOrder' });
    await expect(provider().refund(request)).rejects.toMatchObject({
      code: 'provider_unavailable',
      outcome: 'unknown',
    });
  });
});

describe('createBonusPay: integrity of what comes back', () => {
  const refundOrder = (fields: string) =>
    envelope({ applyStatus: 'SUCCESS', code: '0', msg: 'SUCCESS' }, `{"refundOrder":{${fields}}}`);
  const request: RefundRequest = {
    refundId: 'R1',
    orderId: 'M1',
    amount: { amount: '1.50', currency: 'USDT' },
  };
  const answering = (body: string) =>
    createBonusPay({
      partnerId: '200000000888',
      privateKey: testKeys.privateKey,
      platformPublicKey: testKeys.publicKey,
      fetch: fakeBonusPayFetch(testKeys.privateKey, () => ({ body })).fetch,
    });

  it('accepts the echo of the same refund whatever the amount scale', async () => {
    const body = refundOrder(
      '"refundMerchantOrderNo":"R1","originMerchantOrderNo":"M1","orderNo":"9","status":"CREATED","amount":{"currency":"USDT","amount":1.50000000}',
    );
    expect((await answering(body).refund(request)).amount).toEqual({
      amount: '1.50000000',
      currency: 'USDT',
    });
  });

  it.each([
    [
      'another refund id',
      '"refundMerchantOrderNo":"R2","originMerchantOrderNo":"M1","status":"CREATED","amount":{"currency":"USDT","amount":1.5}',
    ],
    [
      'no refund id',
      '"originMerchantOrderNo":"M1","status":"CREATED","amount":{"currency":"USDT","amount":1.5}',
    ],
    [
      'another order',
      '"refundMerchantOrderNo":"R1","originMerchantOrderNo":"M2","status":"CREATED","amount":{"currency":"USDT","amount":1.5}',
    ],
    [
      'another amount',
      '"refundMerchantOrderNo":"R1","originMerchantOrderNo":"M1","status":"CREATED","amount":{"currency":"USDT","amount":15}',
    ],
    [
      'another asset',
      '"refundMerchantOrderNo":"R1","originMerchantOrderNo":"M1","status":"CREATED","amount":{"currency":"USDC","amount":1.5}',
    ],
  ])('refuses a signed answer about %s: invalid_response, unknown', async (_, fields) => {
    const error = await answering(refundOrder(fields))
      .refund(request)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_response', outcome: 'unknown' });
  });

  it('refuses a lookup answered for another refund or order, as rejected', async () => {
    const body = refundOrder(
      '"refundMerchantOrderNo":"R1","originMerchantOrderNo":"M2","orderNo":"7","status":"SUCCESS","amount":{"currency":"USDT","amount":1.5}',
    );
    await expect(answering(body).getRefund({ refundId: 'R1', orderId: 'M1' })).rejects.toMatchObject({
      code: 'invalid_response',
      outcome: 'rejected',
    });
    await expect(answering(body).getRefund({ refundId: 'R1', providerRefundId: '8' })).rejects.toMatchObject({
      code: 'invalid_response',
    });
    expect((await answering(body).getRefund({ refundId: 'R1' })).status).toBe('succeeded');
  });
});

describe('createBonusPay: what BonusPay refuses, named for the caller', () => {
  it('names the RefundRequest field when BonusPay refuses a chain payment refunded without a chain', async () => {
    const order = await sandbox.seedOrder({
      amount: { amount: '5.00', currency: 'USDT' },
      chainCode: 'TRON',
    });
    const error = await provider()
      .refund({
        refundId: newRefundId(),
        orderId: order.orderId,
        amount: { amount: '1.00', currency: 'USDT' },
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'invalid_request',
      outcome: 'rejected',
      field: 'destination.network',
      providerCode: '400',
    });
    expect((error as Error).message).toMatch(/chainCode.*chain payment.*TRON/);
    expect((error as Error).message).toMatch(/BonusPay's chainCode is destination.network/);
    // BonusPay asks for chainCode and refundAddress: the caller needs both destination fields named.
    expect((error as Error).message).toMatch(/refundAddress is destination.address/);
  });
});

describe('createBonusPay: reconciliation hints', () => {
  it('gives the host documented defaults: a 5 minute settle window, 48 hours pending at most', () => {
    expect(createBonusPay().reconciliation).toEqual({
      settleWindowMs: 300_000,
      maximumPendingMs: 172_800_000,
    });
  });

  it('takes them from the settings, else from BONUSPAY_SETTLE_WINDOW_MS and BONUSPAY_MAXIMUM_PENDING_MS', () => {
    vi.stubEnv('BONUSPAY_SETTLE_WINDOW_MS', '60000');
    vi.stubEnv('BONUSPAY_MAXIMUM_PENDING_MS', ' 3600000 ');
    try {
      expect(createBonusPay().reconciliation).toEqual({
        settleWindowMs: 60_000,
        maximumPendingMs: 3_600_000,
      });
      expect(createBonusPay({ settleWindowMs: 0 }).reconciliation.settleWindowMs).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses a value that is not a whole number of milliseconds, naming the setting and the variable', () => {
    vi.stubEnv('BONUSPAY_SETTLE_WINDOW_MS', '5m');
    try {
      // Creating the provider does not throw; reading the hint does, and says what to fix.
      const adapter = createBonusPay();
      expect(() => adapter.reconciliation).toThrowError(/settleWindowMs.*BONUSPAY_SETTLE_WINDOW_MS.*"5m"/);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(() => createBonusPay({ maximumPendingMs: 0 }).reconciliation).toThrowError(/at least 1/);
    expect(() => createBonusPay({ settleWindowMs: 1.5 }).reconciliation).toThrowError(/whole number/);
  });
});

describe('createBonusPay: settings and secrets', () => {
  it('goes to production by default, to the sandbox host on request, and to baseUrl when given', async () => {
    const urls: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      urls.push(new Request(input).url);
      return new Response(envelope({ applyStatus: 'FAIL', code: '404', msg: 'SERVICE_NOT_AVAILABLE' }));
    }) as typeof globalThis.fetch;
    const credentials = {
      partnerId: '200000000888',
      privateKey: testKeys.privateKey,
      platformPublicKey: testKeys.publicKey,
    };
    for (const extra of [
      {},
      { environment: 'sandbox' as const },
      { baseUrl: 'http://127.0.0.1:9/sgs/api/' },
    ]) {
      await createBonusPay({ ...credentials, ...extra, fetch })
        .getRefund({ refundId: 'R1' })
        .catch(() => undefined);
    }
    expect(urls).toEqual([
      'https://api.bonuspay.network/sgs/api/crypto/refund/getOrder',
      'http://api.testbonuspay.network/sgs/api/crypto/refund/getOrder',
      'http://127.0.0.1:9/sgs/api/crypto/refund/getOrder',
    ]);
  });

  it('can be created with nothing and says at the first call which setting and variable are missing', async () => {
    vi.stubEnv('BONUSPAY_PARTNER_ID', '');
    try {
      const adapter = createBonusPay();
      const error = await adapter.getRefund({ refundId: 'R1' }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'partnerId' });
      expect((error as Error).message).toContain('BONUSPAY_PARTNER_ID');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses an unusable platform public key before sending a refund', async () => {
    const request = await seededRequest();
    const before = sandbox.requests.length;
    const error = await createBonusPay({ ...sandbox.settings, platformPublicKey: 'not a key' })
      .refund(request)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'platformPublicKey' });
    expect(sandbox.requests.length).toBe(before);
  });

  it('refuses invalid settings before sending', async () => {
    for (const [settings, field] of [
      [{ partnerId: '2000000008881' }, 'partnerId'],
      [{ environment: 'staging' }, 'environment'],
      [{ baseUrl: 'ftp://bonuspay' }, 'baseUrl'],
      [{ contentLanguage: 'english-language' }, 'contentLanguage'],
    ] as const) {
      const error = await createBonusPay({ ...sandbox.settings, ...(settings as object) })
        .getRefund({ refundId: 'R1' })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field });
    }
  });

  it('is answered by BonusPay with ERROR when the private key does not match the uploaded one', async () => {
    const request = await seededRequest();
    const error = await createBonusPay({ ...sandbox.settings, privateKey: testKeys.privateKey })
      .refund(request)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'authentication', outcome: 'rejected' });
  });

  it('shows no secret in inspect, JSON, errors or hooks', async () => {
    const events: HttpRequestEvent[] = [];
    const adapter = createBonusPay({
      ...sandbox.settings,
      hooks: { onRequest: (event) => events.push(event) },
    });
    const secretLines = sandbox.settings.privateKey.split('\n').filter((line) => line.length > 20);
    const error = await adapter
      .refund({ refundId: 'R1', orderId: 'unknown-order', amount: { amount: '1', currency: 'USDT' } })
      .catch((caught: unknown) => caught);
    expect(RefundError.isInstance(error)).toBe(true);
    await adapter.refund(await seededRequest());
    const outputs = [
      inspect(adapter, { depth: 10, showHidden: true }),
      JSON.stringify(adapter),
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
      JSON.stringify(events),
    ];
    for (const output of outputs) for (const line of secretLines) expect(output).not.toContain(line);
    expect(events.at(-1)?.headers.sign).toBe('[REDACTED]');
  });
});
