import { sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSandboxKeyPairs } from '../__fixtures__/sandbox-key-pairs';
import { createBonusPay } from '../create-bonuspay';
import type { BonusPaySandboxOptions } from './bonuspay-sandbox-options';
import { type BonusPaySandbox, createBonusPaySandbox } from './create-bonuspay-sandbox';

let sandbox: BonusPaySandbox;
const open: BonusPaySandbox[] = [];

async function startSandbox(options: BonusPaySandboxOptions = {}): Promise<BonusPaySandbox> {
  const started = await createBonusPaySandbox({
    keyPairs: await sharedSandboxKeyPairs(),
    settleAfterMs: 60_000,
    ...options,
  });
  open.push(started);
  return started;
}

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await Promise.all(open.map((started) => started.close()));
});

interface PostOptions {
  target?: BonusPaySandbox;
  requestTime?: number;
  privateKey?: string;
  partnerId?: string | null;
  signature?: string | null;
  /** Sent instead of the signed text, to send other bytes than those signed. */
  sentText?: string;
}

/** A merchant request made by hand: the text, signed with node:crypto, posted to the sandbox. */
async function post(operation: 'placeOrder' | 'getOrder', bizContent: string, options: PostOptions = {}) {
  const target = options.target ?? sandbox;
  const text = `{"requestTime":${options.requestTime ?? Date.now()},"bizContent":${bizContent}}`;
  const signature = sign(
    'sha256',
    Buffer.from(text),
    options.privateKey ?? target.settings.privateKey,
  ).toString('base64');
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const partnerId = options.partnerId === undefined ? target.partnerId : options.partnerId;
  const signHeader = options.signature === undefined ? signature : options.signature;
  if (partnerId !== null) headers['Partner-Id'] = partnerId;
  if (signHeader !== null) headers.sign = signHeader;
  const response = await fetch(`${target.url}/crypto/refund/${operation}`, {
    method: 'POST',
    headers,
    body: options.sentText ?? text,
  });
  const body = await response.text();
  const responseSign = response.headers.get('sign');
  return {
    status: response.status,
    body,
    json: JSON.parse(body) as { head: Record<string, string>; body?: Record<string, unknown> },
    signed: responseSign !== null,
    verifies:
      responseSign !== null &&
      verify('sha256', Buffer.from(body), target.publicKeys.platform, Buffer.from(responseSign, 'base64')),
  };
}

const placeOrder = (orderId: string, fields = '', amount = '{"currency":"USDT","amount":1.50}') =>
  `{"refundMerchantOrderNo":"R${Date.now()}${Math.random().toString(36).slice(2, 8)}","originMerchantOrderNo":"${orderId}","amount":${amount}${fields}}`;

describe('BonusPay sandbox gateway', () => {
  it.each([
    [
      'no Partner-Id',
      { partnerId: null },
      ['FAIL', '400', 'INVALID_PARAMETER: Partner-Id: the header is required'],
    ],
    ['no sign', { signature: null }, ['FAIL', '400', 'INVALID_PARAMETER: sign: the header is required']],
    ['an unknown Partner-Id', { partnerId: '999999999999' }, ['FAIL', '403', 'UNAUTHORIZED']],
    ['a signature by another key', 'wrong-key', ['ERROR', '400', 'INVALID_SIGNATURE']],
    ['bytes other than those signed', 'other-bytes', ['ERROR', '400', 'INVALID_SIGNATURE']],
    [
      'a requestTime 16 minutes old',
      { requestTime: Date.now() - 16 * 60_000 },
      ['FAIL', '400', 'REQUESTTIME_TOO_EARLY'],
    ],
    [
      'a requestTime 16 minutes ahead',
      { requestTime: Date.now() + 16 * 60_000 },
      ['FAIL', '400', 'REQUESTTIME_TOO_LATER'],
    ],
  ] as const)(
    'answers a request with %s unsigned, HTTP 200',
    async (_, variant, [applyStatus, code, msg]) => {
      const order = await sandbox.seedOrder({
        amount: { amount: '5.00', currency: 'USDT' },
        chainCode: null,
      });
      const keys = await sharedSandboxKeyPairs();
      const options: PostOptions =
        variant === 'wrong-key'
          ? { privateKey: keys.platform.privateKey }
          : variant === 'other-bytes'
            ? { sentText: `{"requestTime":${Date.now()},"bizContent":${placeOrder(order.orderId)}} ` }
            : variant;
      const answer = await post('placeOrder', placeOrder(order.orderId), options);
      expect(answer.status).toBe(200);
      expect(answer.signed).toBe(false);
      expect(answer.json.head).toMatchObject({ applyStatus, code, msg });
      expect(sandbox.executedRefunds().filter((record) => record.orderId === order.orderId)).toHaveLength(0);
    },
  );

  it('accepts a requestTime 14 minutes old and signs its answer with the platform key', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    const answer = await post('placeOrder', placeOrder(order.orderId), {
      requestTime: Date.now() - 14 * 60_000,
    });
    expect(answer.verifies).toBe(true);
    expect(answer.json.head).toMatchObject({ applyStatus: 'SUCCESS', code: '0' });
    // The amount comes back as sent, digits and scale included; the summary says what remains.
    expect(answer.body).toContain('"amount":{"currency":"USDT","amount":1.50}');
    expect(answer.body).toContain('"remainRefundAmount":{"currency":"USDT","amount":3.5}');
  });

  it('answers an unknown operation with 404 SERVICE_NOT_AVAILABLE', async () => {
    const response = await fetch(`${sandbox.url}/crypto/refund/cancelOrder`, { method: 'POST', body: '{}' });
    expect(await response.json()).toMatchObject({ head: { code: '404', msg: 'SERVICE_NOT_AVAILABLE' } });
  });
});

describe('BonusPay sandbox parameter checks (400 INVALID_PARAMETER, naming the field)', () => {
  const chain = ',"chainCode":"TRON","refundAddress":"TU1PTkFH1DnaRsAP5Aa12YXY2KNgsgm8PD"';
  it.each([
    ['a string amount', '{"currency":"USDT","amount":"1.50"}', chain, 'amount.amount', /JSON number/],
    [
      'more decimals than USDT has',
      '{"currency":"USDT","amount":1.505}',
      chain,
      'amount.amount',
      /at most 2/,
    ],
    [
      'an amount in exponent notation',
      '{"currency":"USDT","amount":1.5E0}',
      chain,
      'amount.amount',
      /exponent/,
    ],
    ['a zero amount', '{"currency":"USDT","amount":0.00}', chain, 'amount.amount', /positive/],
    ['an unknown asset', '{"currency":"DOGE","amount":1}', chain, 'amount.currency', /USDT/],
    [
      'another asset than the order',
      '{"currency":"USDC","amount":1}',
      chain,
      'amount.currency',
      /paid in USDT/,
    ],
    ['both order numbers', undefined, `${chain},"originOrderNo":"1"`, 'originMerchantOrderNo', /not both/],
    [
      'a chain that cannot carry the asset',
      undefined,
      ',"chainCode":"BTC","refundAddress":"tb1qxyz"',
      'chainCode',
      /BTC cannot carry USDT; use one of TRON, ETH, POLYGON/,
    ],
    [
      'a chain payment without chainCode (the PayBy SDK has no such field)',
      undefined,
      ',"refundAddress":"TU1PTkFH1DnaRsAP5Aa12YXY2KNgsgm8PD"',
      'chainCode',
      /required for a chain payment \(this order was paid on TRON\)/,
    ],
    [
      'a chain payment without refundAddress',
      undefined,
      ',"chainCode":"TRON"',
      'refundAddress',
      /required for a chain payment/,
    ],
    [
      'a reason over 64 characters',
      undefined,
      `${chain},"reason":"${'x'.repeat(65)}"`,
      'reason',
      /at most 64/,
    ],
  ])('refuses %s, naming %s', async (_, amount, fields, field, rule) => {
    const order = await sandbox.seedOrder({
      amount: { amount: '5.00', currency: 'USDT' },
      chainCode: 'TRON',
    });
    const answer = await post('placeOrder', placeOrder(order.orderId, fields, amount));
    expect(answer.json.head).toMatchObject({ applyStatus: 'FAIL', code: '400' });
    // The documented token first, then the field and the rule.
    expect(answer.json.head.msg?.startsWith(`INVALID_PARAMETER: ${field}: `)).toBe(true);
    expect(answer.json.head.msg).toMatch(rule);
    expect(answer.signed).toBe(false);
  });

  it('refuses a refund number with characters outside letters, digits, - and _', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    const body = `{"refundMerchantOrderNo":"R 1","originMerchantOrderNo":"${order.orderId}","amount":{"currency":"USDT","amount":1}}`;
    expect((await post('placeOrder', body)).json.head).toMatchObject({
      code: '400',
      msg: 'INVALID_PARAMETER: refundMerchantOrderNo: may contain only letters, digits, "-" and "_"',
    });
  });

  it('names the field of a getOrder it refuses, and the requestTime of a body without one', async () => {
    expect((await post('getOrder', '{}')).json.head.msg).toBe(
      'INVALID_PARAMETER: refundMerchantOrderNo: give exactly one of refundMerchantOrderNo and orderNo, not neither',
    );
    const response = await fetch(`${sandbox.url}/crypto/refund/getOrder`, {
      method: 'POST',
      headers: {
        'Partner-Id': sandbox.partnerId,
        sign: sign('sha256', Buffer.from('{"bizContent":{}}'), sandbox.settings.privateKey).toString(
          'base64',
        ),
      },
      body: '{"bizContent":{}}',
    });
    expect(((await response.json()) as { head: { msg: string } }).head.msg).toMatch(
      /^INVALID_PARAMETER: requestTime: /,
    );
  });
});

describe('BonusPay sandbox business rules (signed FAIL)', () => {
  it.each([
    ['an unknown merchant order', 'M-unknown', undefined, '77004'],
    ['an unknown BonusPay order', undefined, '999', '77016'],
    ['a failed order', 'FAILED', undefined, '77002'],
    ['an unpaid order', 'UNPAID', undefined, '77024'],
  ] as const)('refuses %s with %s', async (_, merchantOrder, bonusPayOrder, code) => {
    let orderField = '';
    if (merchantOrder === 'FAILED' || merchantOrder === 'UNPAID') {
      const order = await sandbox.seedOrder({
        amount: { amount: '5.00', currency: 'USDT' },
        chainCode: null,
        status: merchantOrder,
      });
      orderField = `"originMerchantOrderNo":"${order.orderId}"`;
    } else {
      orderField = merchantOrder
        ? `"originMerchantOrderNo":"${merchantOrder}"`
        : `"originOrderNo":"${bonusPayOrder}"`;
    }
    const answer = await post(
      'placeOrder',
      `{"refundMerchantOrderNo":"R${Date.now()}",${orderField},"amount":{"currency":"USDT","amount":1}}`,
    );
    expect(answer.verifies).toBe(true);
    expect(answer.json.head).toMatchObject({ applyStatus: 'FAIL', code });
    expect(answer.json.body).toBeUndefined();
  });

  it('keeps the refundable balance: 77005 above it, 77013 for a reused number, and a failed refund gives it back', async () => {
    const failing = await startSandbox({
      settleAs: () => ({ failCode: '62002', failDes: 'rejected on chain' }),
    });
    const order = await failing.seedOrder({ amount: { amount: '2.00', currency: 'USDT' }, chainCode: null });
    const refund = (number: string, amount: string) =>
      post(
        'placeOrder',
        `{"refundMerchantOrderNo":"${number}","originMerchantOrderNo":"${order.orderId}","amount":{"currency":"USDT","amount":${amount}}}`,
        { target: failing },
      );
    expect((await refund('A1', '1.50')).json.head.code).toBe('0');
    expect((await refund('A2', '0.51')).json.head.code).toBe('77005');
    expect((await refund('A1', '0.10')).json.head.code).toBe('77013');
    expect((await refund('A3', '0.50')).json.head.code).toBe('0');
    await failing.settleAll();
    expect(failing.executedRefunds().map((record) => [record.refundId, record.status])).toEqual([
      ['A1', 'failed'],
      ['A3', 'failed'],
    ]);
    expect((await refund('A4', '2.00')).json.head.code).toBe('0');
  });

  it('answers getOrder by refund number or by BonusPay number, and refuses both or neither', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    const created = await post('placeOrder', placeOrder(order.orderId));
    const refundOrder = created.json.body?.refundOrder as { refundMerchantOrderNo: string; orderNo: string };
    const byNumber = await post(
      'getOrder',
      `{"refundMerchantOrderNo":"${refundOrder.refundMerchantOrderNo}"}`,
    );
    const byOrderNo = await post('getOrder', `{"orderNo":"${refundOrder.orderNo}"}`);
    expect(byNumber.verifies && byOrderNo.verifies).toBe(true);
    expect(byOrderNo.json.body?.refundOrder).toMatchObject({
      refundMerchantOrderNo: refundOrder.refundMerchantOrderNo,
    });
    expect((await post('getOrder', '{}')).json.head.code).toBe('400');
    expect((await post('getOrder', `{"orderNo":"1","refundMerchantOrderNo":"R"}`)).json.head.code).toBe(
      '400',
    );
    expect((await post('getOrder', '{"orderNo":"1"}')).json.head.code).toBe('77016');
    expect((await post('getOrder', '{"refundMerchantOrderNo":"nope"}')).json.head.code).toBe('77004');
  });

  it('refuses a replayed request when asked to', async () => {
    const strict = await startSandbox({ rejectReplays: true });
    const order = await strict.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    const requestTime = Date.now();
    const body = placeOrder(order.orderId);
    expect((await post('placeOrder', body, { target: strict, requestTime })).json.head.code).toBe('0');
    expect((await post('placeOrder', body, { target: strict, requestTime })).json.head.code).toBe('400');
  });
});

describe('BonusPay sandbox settlement and notifications', () => {
  it('settles after settleAfterMs, through REFUNDED_SETTLED when asked, and stops everything on close', async () => {
    const quick = await startSandbox({ settleAfterMs: 300, passThroughSettled: true });
    const order = await quick.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    const provider = createBonusPay(quick.settings);
    await provider.refund({
      refundId: 'S1',
      orderId: order.orderId,
      amount: { amount: '1', currency: 'USDT' },
    });
    // Each step takes settleAfterMs; the checks sit in the middle of each window so a loaded machine's late
    // timers do not move them into the next one.
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(JSON.parse(quick.notificationFor('S1').body as string).refundOrder.status).toBe(
      'REFUNDED_SETTLED',
    );
    expect((await provider.getRefund({ refundId: 'S1' })).status).toBe('pending');
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await provider.getRefund({ refundId: 'S1' })).status).toBe('succeeded');

    await provider.refund({
      refundId: 'S2',
      orderId: order.orderId,
      amount: { amount: '1', currency: 'USDT' },
    });
    await quick.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(quick.executedRefunds().find((record) => record.refundId === 'S2')?.status).toBe('pending');
  });

  it('signs a notification of any status on demand, for late and out-of-order deliveries', async () => {
    const quick = await startSandbox({ settleAfterMs: 40 });
    const order = await quick.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    const provider = createBonusPay(quick.settings);
    await provider.refund({
      refundId: 'L1',
      orderId: order.orderId,
      amount: { amount: '1', currency: 'USDT' },
    });
    await quick.settleAll();
    const late = await provider.verifyNotification!(quick.notificationFor('L1', 'CREATED'));
    expect(late).toMatchObject({ refundId: 'L1', status: 'pending' });
    // A fresh notify_id: it is a new notification, not a redelivery of the final one.
    const final = await provider.verifyNotification!(quick.notificationFor('L1'));
    expect(final).toMatchObject({ refundId: 'L1', status: 'succeeded' });
    expect(late.notificationId).not.toBe(final.notificationId);
    expect(() => quick.notificationFor('nope', 'CREATED')).toThrow(/no refund nope/);
  });

  it('posts only on this machine, in the flat shape by default or wrapped when asked', async () => {
    const received: { url: string; body: string; sign: string | null }[] = [];
    const { createServer } = await import('node:http');
    const merchant = createServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      received.push({ url: request.url ?? '', body, sign: request.headers.sign?.toString() ?? null });
      response.end('SUCCESS');
    });
    await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
    const port = (merchant.address() as { port: number }).port;
    try {
      const wrapped = await startSandbox({
        notificationShape: 'wrapped',
        notificationUrl: `http://127.0.0.1:${port}/fallback`,
      });
      const order = await wrapped.seedOrder({
        amount: { amount: '5.00', currency: 'USDT' },
        chainCode: null,
      });
      const provider = createBonusPay(wrapped.settings);
      const refund = (refundId: string, notifyUrl: string) =>
        provider.refund({
          refundId,
          orderId: order.orderId,
          amount: { amount: '1', currency: 'USDT' },
          providerOptions: { notifyUrl },
        });
      await refund('N1', `http://127.0.0.1:${port}/own`);
      await refund('N2', 'https://merchant.example.com/notify');
      await wrapped.settleAll();
      expect(received.map((entry) => entry.url).sort()).toEqual(['/fallback', '/own']);
      for (const entry of received) {
        expect(entry.body.startsWith('{"body":{"notify_time":')).toBe(true);
        expect(entry.body).toMatch(/"amount":\{"amount":1\.00000000,"currency":"USDT"\}/);
        expect(
          verify(
            'sha256',
            Buffer.from(entry.body),
            wrapped.publicKeys.platform,
            Buffer.from(entry.sign ?? '', 'base64'),
          ),
        ).toBe(true);
      }
      expect(wrapped.deliveries().every((delivery) => delivery.acknowledged)).toBe(true);
    } finally {
      await new Promise((resolve) => merchant.close(resolve));
    }
  });

  it('seeds three described demo orders that refund in full', async () => {
    const demo = await sandbox.seedDemoOrders();
    expect(demo).toHaveLength(3);
    const provider = createBonusPay(sandbox.settings);
    for (const order of demo) {
      expect(order.description.length).toBeGreaterThan(20);
      const result = await provider.refund({
        refundId: `demo-${order.orderNo}`,
        orderId: order.orderId,
        amount: order.amount,
        ...(order.destination ? { destination: order.destination } : {}),
      });
      expect(result.status).toBe('pending');
    }
  });
});

describe('BonusPay sandbox: an exact retry returns the original refund order', () => {
  const refundOf = (order: { orderId: string }, number: string, amount: string, fields = '') =>
    `{"refundMerchantOrderNo":"${number}","originMerchantOrderNo":"${order.orderId}","amount":{"currency":"USDT","amount":${amount}}${fields}}`;

  it('answers the same number with the same parameters with the refund it created, executing nothing', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    const number = `X${Date.now()}`;
    const first = await post('placeOrder', refundOf(order, number, '1.50', ',"reason":"damaged"'));
    // 1.5 and 1.50 are one amount: a client that writes the scale differently is still retrying.
    const retry = await post('placeOrder', refundOf(order, number, '1.5', ',"reason":"damaged"'));
    expect(retry.verifies).toBe(true);
    expect(retry.json.head).toMatchObject({ applyStatus: 'SUCCESS', code: '0' });
    expect(retry.json.body?.refundOrder).toEqual(first.json.body?.refundOrder);
    expect(retry.body).toContain('"remainRefundAmount":{"currency":"USDT","amount":3.5}');
    expect(sandbox.executedRefunds().filter((record) => record.refundId === number)).toHaveLength(1);
  });

  it('recognises the same order by its BonusPay number as the same parameter', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    const number = `X${Date.now()}o`;
    const first = await post('placeOrder', refundOf(order, number, '1'));
    const retry = await post(
      'placeOrder',
      `{"refundMerchantOrderNo":"${number}","originOrderNo":"${order.orderNo}","amount":{"currency":"USDT","amount":1}}`,
    );
    expect(retry.json.body?.refundOrder).toEqual(first.json.body?.refundOrder);
  });

  it.each([
    ['another amount', '1.40', ',"reason":"damaged"'],
    ['another reason', '1.50', ',"reason":"late"'],
    ['an added field', '1.50', ',"reason":"damaged","reserved":"x"'],
    ['a missing field', '1.50', ''],
  ])('refuses the same number with %s with 77013, executing nothing', async (_, amount, fields) => {
    const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    const number = `X${Date.now()}d`;
    await post('placeOrder', refundOf(order, number, '1.50', ',"reason":"damaged"'));
    const reuse = await post('placeOrder', refundOf(order, number, amount, fields));
    expect(reuse.verifies).toBe(true);
    expect(reuse.json.head).toMatchObject({ code: '77013', msg: 'REFUND_MERCHANT_ORDER_NO_EXIST' });
    expect(sandbox.executedRefunds().filter((record) => record.refundId === number)).toHaveLength(1);
  });

  it('refuses an exact retry with 77013 when asked to, and with 77005 first when the balance is checked first', async () => {
    const strict = await startSandbox({ identicalRetry: 'refuse' });
    const order = await strict.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    await post('placeOrder', refundOf(order, 'S1', '1'), { target: strict });
    expect((await post('placeOrder', refundOf(order, 'S1', '1'), { target: strict })).json.head.code).toBe(
      '77013',
    );

    const balanceFirst = await startSandbox({ duplicateCheck: 'after-amount' });
    const paid = await balanceFirst.seedOrder({
      amount: { amount: '2.00', currency: 'USDT' },
      chainCode: null,
    });
    const whole = refundOf(paid, 'B1', '2.00');
    expect((await post('placeOrder', whole, { target: balanceFirst })).json.head.code).toBe('0');
    expect((await post('placeOrder', whole, { target: balanceFirst })).json.head.code).toBe('77005');
    const part = await balanceFirst.seedOrder({
      amount: { amount: '2.00', currency: 'USDT' },
      chainCode: null,
    });
    const some = refundOf(part, 'B2', '1.00');
    await post('placeOrder', some, { target: balanceFirst });
    expect((await post('placeOrder', some, { target: balanceFirst })).json.head.code).toBe('0');
    expect(balanceFirst.executedRefunds()).toHaveLength(2);
  });

  it('never executes a refund number twice nor more than was paid, whatever is retried or reused', async () => {
    const attempt = fc.record({
      number: fc.constantFrom('P1', 'P2', 'P3'),
      cents: fc.integer({ min: 1, max: 300 }),
      reason: fc.constantFrom(undefined, 'a', 'b'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(attempt, { minLength: 1, maxLength: 8 }), async (attempts) => {
        const order = await sandbox.seedOrder({
          amount: { amount: '5.00', currency: 'USDT' },
          chainCode: null,
        });
        const prefix = `F${order.orderNo}`;
        const created = new Map<string, unknown>();
        for (const { number, cents, reason } of attempts) {
          const amount = (cents / 100).toFixed(2);
          const fields = reason === undefined ? '' : `,"reason":"${reason}"`;
          const answer = await post('placeOrder', refundOf(order, `${prefix}${number}`, amount, fields));
          const refundOrder = answer.json.body?.refundOrder as { orderNo: string } | undefined;
          if (refundOrder === undefined) continue;
          // A number answered twice is answered with the same refund order.
          const earlier = created.get(number);
          if (earlier !== undefined) expect(refundOrder).toEqual(earlier);
          created.set(number, refundOrder);
        }
        const executed = sandbox.executedRefunds().filter((record) => record.orderId === order.orderId);
        expect(new Set(executed.map((record) => record.refundId)).size).toBe(executed.length);
        const total = executed.reduce((sum, record) => sum + Math.round(Number(record.amount) * 100), 0);
        expect(total).toBeLessThanOrEqual(500);
      }),
      { numRuns: 15 },
    );
  });
});

describe('BonusPay sandbox: a lagging read side (readLagMs, setReadLag)', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('hides a refund from getOrder for readLagMs after it executed, answering "does not exist"', async () => {
    const lagging = await startSandbox({ readLagMs: 400 });
    const order = await lagging.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    const body = `{"refundMerchantOrderNo":"L1","originMerchantOrderNo":"${order.orderId}","amount":{"currency":"USDT","amount":1}}`;
    const created = await post('placeOrder', body, { target: lagging });
    const { orderNo } = (created.json.body?.refundOrder ?? {}) as { orderNo?: string };
    const byNumber = () => post('getOrder', '{"refundMerchantOrderNo":"L1"}', { target: lagging });
    const byOrderNo = () => post('getOrder', `{"orderNo":"${orderNo}"}`, { target: lagging });

    const hidden = await byNumber();
    expect(hidden.verifies).toBe(true);
    expect(hidden.json.head).toMatchObject({ code: '77004', msg: 'MERCHANT_ORDER_NO_NOT_EXIST' });
    expect((await byOrderNo()).json.head.code).toBe('77016');
    // The write side knows it at once: an exact retry gets it, a reuse is refused, nothing runs twice.
    expect((await post('placeOrder', body, { target: lagging })).json.body?.refundOrder).toMatchObject({
      orderNo,
    });
    expect(lagging.executedRefunds()).toHaveLength(1);

    await wait(450);
    expect((await byNumber()).json.body?.refundOrder).toMatchObject({ refundMerchantOrderNo: 'L1', orderNo });
    expect((await byOrderNo()).json.head.code).toBe('0');
  });

  it('changes the lag with setReadLag for refunds executed from then on', async () => {
    const lagging = await startSandbox();
    const order = await lagging.seedOrder({ amount: { amount: '5.00', currency: 'USDT' }, chainCode: null });
    const refund = (number: string) =>
      post(
        'placeOrder',
        `{"refundMerchantOrderNo":"${number}","originMerchantOrderNo":"${order.orderId}","amount":{"currency":"USDT","amount":1}}`,
        { target: lagging },
      );
    const lookUp = async (number: string) =>
      (await post('getOrder', `{"refundMerchantOrderNo":"${number}"}`, { target: lagging })).json.head.code;
    await refund('G1');
    lagging.setReadLag(60_000);
    await refund('G2');
    expect(await lookUp('G1')).toBe('0');
    expect(await lookUp('G2')).toBe('77004');
    lagging.setReadLag(0);
    await refund('G3');
    expect(await lookUp('G3')).toBe('0');
    expect(await lookUp('G2')).toBe('77004');
    expect(() => lagging.setReadLag(-1)).toThrow(/non-negative/);
  });
});
