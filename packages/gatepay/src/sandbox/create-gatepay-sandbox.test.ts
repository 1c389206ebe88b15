import { afterEach, describe, expect, it } from 'vitest';
import { nodeGatePaySignature } from '../__fixtures__/recording-fetch';
import { createGatePaySandbox, type GatePaySandbox } from './create-gatepay-sandbox';
import type { GatePaySandboxOptions } from './gatepay-sandbox-options';

let sandboxes: GatePaySandbox[] = [];
afterEach(async () => {
  for (const sandbox of sandboxes) await sandbox.close();
  sandboxes = [];
});

async function start(options: GatePaySandboxOptions = {}) {
  const sandbox = await createGatePaySandbox({ settleAfterMs: 60_000, ...options });
  sandboxes.push(sandbox);
  return sandbox;
}

/** A sandbox with one paid checkout order of 10 USDT, the order most cases refund. */
async function startWithOrder(options: GatePaySandboxOptions = {}) {
  const sandbox = await start(options);
  const order = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' } });
  return { sandbox, order };
}

interface RawCall {
  method?: 'GET' | 'POST';
  path: string;
  body?: string;
  timestamp?: string;
  nonce?: string;
  signature?: string;
  headers?: Record<string, string>;
  signedBody?: string;
}

let nonceSequence = 0;

/** A request signed the way the reference says, with node:crypto, so the sandbox is checked on its own. */
async function call(sandbox: GatePaySandbox, raw: RawCall) {
  const { clientId, secretKey, baseUrl } = sandbox.settings;
  const method = raw.method ?? 'POST';
  const body = raw.body ?? '';
  const timestamp = raw.timestamp ?? String(Date.now());
  const nonce = raw.nonce ?? `nonce${nonceSequence++}`;
  const signature =
    raw.signature ?? nodeGatePaySignature(secretKey, timestamp, nonce, raw.signedBody ?? body);
  const response = await fetch(baseUrl + raw.path, {
    method,
    body: method === 'GET' ? undefined : body,
    headers: {
      'content-type': 'application/json',
      'x-gatepay-certificate-clientid': clientId,
      'x-gatepay-timestamp': timestamp,
      'x-gatepay-nonce': nonce,
      'x-gatepay-signature': signature,
      ...raw.headers,
    },
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: JSON.parse(text) as Record<string, unknown>,
    headers: response.headers,
  };
}

const refundBody = (prepayId: string, refundRequestId: string, refundAmount = '1') =>
  JSON.stringify({ refundRequestId, prepayId, refundAmount, refundReason: 'test' });

describe('GatePay sandbox authentication', () => {
  it('accepts a correctly signed refund and signs its answer over the exact bytes', async () => {
    const { sandbox, order } = await startWithOrder();
    const response = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'ok-1'),
    });
    expect(response.json).toMatchObject({
      status: 'SUCCESS',
      data: { refundRequestId: 'ok-1', prepayId: order.orderId },
    });
    const timestamp = response.headers.get('x-gatepay-timestamp') ?? '';
    const nonce = response.headers.get('x-gatepay-nonce') ?? '';
    expect(response.headers.get('x-gatepay-signature')).toBe(
      nodeGatePaySignature(sandbox.settings.secretKey, timestamp, nonce, response.text),
    );
  });

  it('verifies the raw bytes: a Go-SDK body with a trailing newline, signed with it, is accepted', async () => {
    const { sandbox, order } = await startWithOrder();
    const body = `${refundBody(order.orderId, 'go-1')}\n`;
    const response = await call(sandbox, { path: '/v2/standard/order/refund', body });
    expect(response.json.status).toBe('SUCCESS');
    const unsignedNewline = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: `${refundBody(order.orderId, 'go-2')}\n`,
      signedBody: refundBody(order.orderId, 'go-2'),
    });
    expect(unsignedNewline.json.code).toBe('400002');
  });

  it('accepts an upper-case signature', async () => {
    const { sandbox, order } = await startWithOrder();
    const body = refundBody(order.orderId, 'upper-1');
    const timestamp = String(Date.now());
    const signature = nodeGatePaySignature(
      sandbox.settings.secretKey,
      timestamp,
      'upperNonce',
      body,
    ).toUpperCase();
    const response = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body,
      timestamp,
      nonce: 'upperNonce',
      signature,
    });
    expect(response.json.status).toBe('SUCCESS');
  });

  it.each([
    ['a body changed after signing (400002)', { signedBody: '{"refundRequestId":"other"}' }, '400002'],
    [
      'an unknown client id (400004)',
      { headers: { 'x-gatepay-certificate-clientid': 'someone-else' } },
      '400004',
    ],
    ['an empty nonce (400020)', { nonce: '' }, '400020'],
    ['a timestamp 6 minutes old (400003)', { timestamp: String(Date.now() - 360_000) }, '400003'],
    [
      'a timestamp in seconds, not milliseconds (400003)',
      { timestamp: String(Math.floor(Date.now() / 1000)) },
      '400003',
    ],
    ['a text/plain Content-Type (400007)', { headers: { 'content-type': 'text/plain' } }, '400007'],
  ] as const)('refuses %s with HTTP 200 and status FAIL, executing nothing', async (_, change, code) => {
    const { sandbox, order } = await startWithOrder();
    const response = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'auth-1'),
      ...change,
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 'FAIL', code });
    expect(sandbox.executedRefunds()).toHaveLength(0);
  });

  it('refuses a reused nonce (400020) and, in strict mode, an 11-second-old timestamp (400003)', async () => {
    const { sandbox, order } = await startWithOrder({ timestampToleranceMs: 10_000 });
    await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'n-1'),
      nonce: 'same',
    });
    const replay = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'n-2'),
      nonce: 'same',
    });
    expect(replay.json.code).toBe('400020');
    const stale = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'n-3'),
      timestamp: String(Date.now() - 11_000),
    });
    expect(stale.json.code).toBe('400003');
    expect(sandbox.executedRefunds()).toHaveLength(1);
  });

  it('requires X-GatePay-On-Behalf-Of on institution paths', async () => {
    const { sandbox, order } = await startWithOrder();
    const path = '/payment/open/institution/v2/standard/order/refund';
    expect((await call(sandbox, { path, body: refundBody(order.orderId, 'i-1') })).json.code).toBe('400001');
    const withHeader = await call(sandbox, {
      path,
      body: refundBody(order.orderId, 'i-2'),
      headers: { 'x-gatepay-on-behalf-of': 'sub' },
    });
    expect(withHeader.json.status).toBe('SUCCESS');
  });

  it('answers 404 for a path GatePay does not have', async () => {
    const sandbox = await start();
    expect((await call(sandbox, { path: '/v1/pay/refund/cancel', body: '{}' })).status).toBe(404);
  });
});

describe('GatePay sandbox business rules', () => {
  it.each([
    [
      'an amount sent as a JSON number',
      '{"refundRequestId":"a","prepayId":"P","refundAmount":1,"refundReason":"r"}',
    ],
    [
      'an amount with 7 decimals',
      '{"refundRequestId":"a","prepayId":"P","refundAmount":"0.1234567","refundReason":"r"}',
    ],
    [
      'an amount below 0.0001',
      '{"refundRequestId":"a","prepayId":"P","refundAmount":"0.00001","refundReason":"r"}',
    ],
    [
      'a refundRequestId over 32 characters',
      `{"refundRequestId":"${'a'.repeat(33)}","prepayId":"P","refundAmount":"1"}`,
    ],
    ['a body that is not JSON', '{"refundRequestId":'],
  ])('refuses %s with 400001', async (_, template) => {
    const { sandbox, order } = await startWithOrder();
    const response = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: template.replace('"P"', `"${order.orderId}"`),
    });
    expect(response.json.code).toBe('400001');
  });

  it('accepts a prepayId sent as a JSON number, keeping every digit', async () => {
    const { sandbox, order } = await startWithOrder();
    const body = `{"refundRequestId":"num-1","prepayId":${order.orderId},"refundAmount":"1","refundReason":"r"}`;
    expect((await call(sandbox, { path: '/v2/standard/order/refund', body })).json.status).toBe('SUCCESS');
    expect(sandbox.executedRefunds()[0]?.orderId).toBe(order.orderId);
  });

  it('replays an identical reused refundRequestId without executing it again, by default', async () => {
    const { sandbox, order } = await startWithOrder();
    const body = refundBody(order.orderId, 'same-1', '2');
    const first = await call(sandbox, { path: '/v2/standard/order/refund', body });
    const second = await call(sandbox, { path: '/v2/standard/order/refund', body });
    expect(second.json.data).toEqual(first.json.data);
    expect(sandbox.executedRefunds()).toHaveLength(1);
  });

  it('refuses any reused refundRequestId with duplicateRefundRequestId "reject"', async () => {
    const { sandbox, order } = await startWithOrder({ duplicateRefundRequestId: 'reject' });
    const body = refundBody(order.orderId, 'same-2');
    await call(sandbox, { path: '/v2/standard/order/refund', body });
    expect((await call(sandbox, { path: '/v2/standard/order/refund', body })).json.code).toBe('400001');
    expect(sandbox.executedRefunds()).toHaveLength(1);
  });

  it('limits refunds per order (400607) and refuses unknown Gate UIDs (500204)', async () => {
    const sandbox = await start({ maxRefundsPerOrder: 1, unknownGateUids: ['404404'] });
    const order = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' }, kind: 'address' });
    const body = (id: string, receiverId: string) =>
      `{"refundRequestId":"${id}","prepayId":"${order.orderId}","refundAmount":"1","receiverId":${receiverId}}`;
    expect(
      (await call(sandbox, { path: '/v1/pay/address/refund', body: body('g-1', '404404') })).json.code,
    ).toBe('500204');
    expect(
      (await call(sandbox, { path: '/v1/pay/address/refund', body: body('g-2', '42') })).json.status,
    ).toBe('SUCCESS');
    expect((await call(sandbox, { path: '/v1/pay/address/refund', body: body('g-3', '42') })).json.code).toBe(
      '400607',
    );
  });

  it('refuses a v1 order refund of an address order (400604) and an address refund of a checkout order (500207)', async () => {
    const sandbox = await start();
    const address = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' }, kind: 'address' });
    const checkout = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' } });
    expect(
      (await call(sandbox, { path: '/v1/pay/order/refund', body: refundBody(address.orderId, 'k-1') })).json
        .code,
    ).toBe('400604');
    const body = `{"refundRequestId":"k-2","prepayId":"${checkout.orderId}","refundAmount":"1","receiverId":42}`;
    expect((await call(sandbox, { path: '/v1/pay/address/refund', body })).json.code).toBe('500207');
  });
});

describe('GatePay sandbox lifecycle', () => {
  it('settles a refund after settleAfterMs and reports it through both queries', async () => {
    const { sandbox, order } = await startWithOrder({ settleAfterMs: 200 });
    await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'life-1', '10'),
    });
    const pending = await call(sandbox, {
      method: 'GET',
      path: '/v2/pay/refund/details?refundRequestId=life-1',
    });
    expect(pending.json).toMatchObject({ data: { status: 'PROCESS', refund_amount_type: 1 } });
    expect(pending.text).toMatch(/"createTime":\d+,/);
    await new Promise((resolve) => setTimeout(resolve, 350));
    const settled = await call(sandbox, {
      path: '/v1/pay/order/refund/query',
      body: '{"refundRequestId":"life-1"}',
    });
    expect(settled.json).toMatchObject({ data: { refundStatus: 'SUCCESS', refundAmount: '10' } });
    expect(sandbox.executedRefunds()[0]).toMatchObject({
      refundId: 'life-1',
      status: 'succeeded',
      amount: '10',
    });
    expect(sandbox.notifications()[0]).toMatchObject({
      refundRequestId: 'life-1',
      bizStatus: 'REFUND_SUCCESS',
    });
  });

  it('gives a rejected refund its amount back to the order', async () => {
    const sandbox = await start({ settleAs: () => 'FAIL' });
    const order = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' } });
    await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'rej-1', '10'),
    });
    await sandbox.settleAll();
    expect(sandbox.executedRefunds()[0]?.status).toBe('failed');
    const again = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'rej-2', '10'),
    });
    expect(again.json.status).toBe('SUCCESS');
  });

  it('signs each notification over its body, with data as a JSON string', async () => {
    const { sandbox, order } = await startWithOrder();
    await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'note-1', '2.5'),
    });
    await sandbox.settleAll();
    const [notification] = sandbox.notifications();
    const { 'X-GatePay-Timestamp': timestamp = '', 'X-GatePay-Nonce': nonce = '' } = notification!.headers;
    expect(notification?.headers['X-GatePay-Signature']).toBe(
      nodeGatePaySignature(sandbox.settings.secretKey, timestamp, nonce, notification!.body),
    );
    const outer = JSON.parse(notification!.body);
    expect(outer).toMatchObject({ bizType: 'PAY_REFUND', bizId: order.orderId, bizStatus: 'REFUND_SUCCESS' });
    expect(JSON.parse(outer.data).refundInfo).toMatchObject({
      refundRequestId: 'note-1',
      refundAmount: '2.5',
    });
  });

  it('signs a notification of any status on demand, without posting it', async () => {
    const { sandbox, order } = await startWithOrder();
    await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'late-1', '2.5'),
    });
    for (const [bizStatus, expected] of [
      [undefined, 'REFUND_PROCESS'],
      ['REFUND_SUCCESS', 'REFUND_SUCCESS'],
    ] as const) {
      const notification = sandbox.notificationFor('late-1', bizStatus);
      const headers = notification.headers as Record<string, string>;
      const body = notification.body as string;
      expect(headers['X-GatePay-Signature']).toBe(
        nodeGatePaySignature(
          sandbox.settings.secretKey,
          headers['X-GatePay-Timestamp'] ?? '',
          headers['X-GatePay-Nonce'] ?? '',
          body,
        ),
      );
      expect(JSON.parse(body)).toMatchObject({ bizId: order.orderId, bizStatus: expected });
    }
    expect(sandbox.notifications()).toHaveLength(0);
    expect(() => sandbox.notificationFor('nope')).toThrow(/no refund nope/);
  });

  it('stops pending settlements when closed', async () => {
    const sandbox = await createGatePaySandbox({ settleAfterMs: 40 });
    const order = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' } });
    await call(sandbox, { path: '/v2/standard/order/refund', body: refundBody(order.orderId, 'close-1') });
    await sandbox.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sandbox.notifications()).toHaveLength(0);
    expect(sandbox.executedRefunds()[0]?.status).toBe('pending');
  });

  it('seeds three described demo orders that can each be refunded', async () => {
    const sandbox = await start();
    const orders = await sandbox.seedDemoOrders();
    expect(orders).toHaveLength(3);
    expect(new Set(orders.map((order) => order.orderId)).size).toBe(3);
    for (const order of orders) {
      expect(order.description.length).toBeGreaterThan(20);
      expect(order.orderId).toMatch(/^\d{19}$/);
    }
    expect(orders.some((order) => order.providerOptions?.endpoint === 'convert')).toBe(true);
  });

  it('lists the chains a Web3 refund may use', async () => {
    const sandbox = await start();
    const response = await call(sandbox, { method: 'GET', path: '/v2/refund/support/chains?currency=USDT' });
    expect(response.json).toMatchObject({ status: 'SUCCESS', data: { currency: 'USDT' } });
    expect(
      (response.json.data as { chains: { chain: string }[] }).chains.map((chain) => chain.chain),
    ).toContain('TRX');
  });
});

describe('GatePay sandbox V2 refund targets (issue 14)', () => {
  const v2Body = (prepayId: string, refundRequestId: string, target: string) =>
    `{"refundRequestId":"${refundRequestId}","prepayId":"${prepayId}","refundAmount":"1","refundReason":"r",${target}}`;
  const details = async (sandbox: GatePaySandbox, refundRequestId: string) =>
    (
      await call(sandbox, {
        method: 'GET',
        path: `/v2/pay/refund/details?refundRequestId=${refundRequestId}`,
      })
    ).json.data as Record<string, unknown>;

  it.each([
    ['refundToGateUid 0, as the Go SDK sends it for every refund', '"refundStyle":1,"refundToGateUid":0'],
    [
      'refundToGateUid 0 with every Go zero value',
      '"refundStyle":0,"refundPayChannel":0,"refundToGateUid":0',
    ],
    ['refundToGateUid "0"', '"refundToGateUid":"0"'],
    ['no refundToGateUid', '"refundStyle":1'],
  ])('refunds along the original payment path with %s', async (_, target) => {
    const { sandbox, order } = await startWithOrder();
    const response = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: v2Body(order.orderId, 'path-1', target),
    });
    expect(response.json).toMatchObject({ status: 'SUCCESS', data: { refundRequestId: 'path-1' } });
    expect(await details(sandbox, 'path-1')).toMatchObject({
      refund_style: 1,
      refund_pay_channel: 0,
      refund_to_gate_uid: 0,
    });
  });

  it('refunds to the named Gate account for a non-zero refundToGateUid, and needs one for channel 1', async () => {
    const { sandbox, order } = await startWithOrder();
    const named = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: v2Body(
        order.orderId,
        'uid-1',
        '"refundStyle":2,"refundPayChannel":1,"refundToGateUid":18014398509481985',
      ),
    });
    expect(named.json.status).toBe('SUCCESS');
    const { text } = await call(sandbox, {
      method: 'GET',
      path: '/v2/pay/refund/details?refundRequestId=uid-1',
    });
    expect(text).toContain('"refund_to_gate_uid":18014398509481985,');
    expect(await details(sandbox, 'uid-1')).toMatchObject({ refund_style: 2, refund_pay_channel: 1 });
    const missing = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: v2Body(order.orderId, 'uid-2', '"refundStyle":2,"refundPayChannel":1,"refundToGateUid":0'),
    });
    expect(missing.json).toMatchObject({ status: 'FAIL', code: '400001' });
    expect(String(missing.json.label)).toMatch(/refundToGateUid/);
    expect(sandbox.executedRefunds()).toHaveLength(1);
  });

  it('refuses a refundToGateUid that is not an int64 Gate UID', async () => {
    const { sandbox, order } = await startWithOrder();
    for (const uid of ['-1', '"abc"', '1.5']) {
      const response = await call(sandbox, {
        path: '/v2/standard/order/refund',
        body: v2Body(
          order.orderId,
          'bad-uid',
          `"refundStyle":2,"refundPayChannel":1,"refundToGateUid":${uid}`,
        ),
      });
      expect(response.json.code, uid).toBe('400001');
    }
  });

  it('answers a receiverId of 0 on the address endpoint as no Gate user (500204), not a format error', async () => {
    const sandbox = await start();
    const order = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' }, kind: 'address' });
    const body = `{"refundRequestId":"r0","prepayId":"${order.orderId}","refundAmount":"1","receiverId":0}`;
    expect((await call(sandbox, { path: '/v1/pay/address/refund', body })).json.code).toBe('500204');
  });
});

describe('GatePay sandbox answer types (the Go SDK models)', () => {
  it('sends refundDetails[].billType and the other integers of the details as JSON numbers', async () => {
    const { sandbox, order } = await startWithOrder();
    await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'types-1', '4'),
    });
    const { text, json } = await call(sandbox, {
      method: 'GET',
      path: '/v2/pay/refund/details?refundRequestId=types-1',
    });
    const data = json.data as Record<string, unknown> & { refundDetails: Record<string, unknown>[] };
    expect(typeof data.refundDetails[0]?.billType).toBe('number');
    expect(typeof data.billType).toBe('number');
    expect(typeof data.refundDetails[0]?.transactTime).toBe('number');
    expect(typeof data.refundDetails[0]?.payChannel).toBe('string');
    expect(typeof data.payChannel).toBe('string');
    expect(text).toMatch(/"payerId":\d{18},/);
    for (const field of [
      'nickName',
      'fromAddress',
      'totalRequestAmount',
      'totalRequestCurrency',
      'totalReceiveAmount',
      'totalReceiveCurrency',
    ]) {
      expect(typeof data[field], field).toBe('string');
    }
    expect(data).toMatchObject({ totalRequestAmount: '4', totalRequestCurrency: 'USDT' });
  });
});

describe('GatePay sandbox read lag (readLagMs, setReadLag)', () => {
  const query = (sandbox: GatePaySandbox, id: string) =>
    Promise.all([
      call(sandbox, { method: 'GET', path: `/v2/pay/refund/details?refundRequestId=${id}` }),
      call(sandbox, { path: '/v1/pay/order/refund/query', body: `{"refundRequestId":"${id}"}` }),
    ]).then((answers) => answers.map((answer) => answer.json.code));

  it('hides an executed refund from both status queries for readLagMs, answering 400304', async () => {
    const { sandbox, order } = await startWithOrder({ readLagMs: 300 });
    const accepted = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'lag-1'),
    });
    expect(accepted.json.status).toBe('SUCCESS');
    expect(sandbox.executedRefunds()).toHaveLength(1);
    expect(await query(sandbox, 'lag-1')).toEqual(['400304', '400304']);
    // The write side already knows it: a reuse of the id is still caught meanwhile.
    const reused = await call(sandbox, {
      path: '/v2/standard/order/refund',
      body: refundBody(order.orderId, 'lag-1', '2'),
    });
    expect(reused.json.code).toBe('400001');
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await query(sandbox, 'lag-1')).toEqual(['000000', '000000']);
  });

  it('applies setReadLag to refunds executed from then on, and refuses a negative lag', async () => {
    const { sandbox, order } = await startWithOrder();
    await call(sandbox, { path: '/v2/standard/order/refund', body: refundBody(order.orderId, 'lag-2') });
    sandbox.setReadLag(60_000);
    await call(sandbox, { path: '/v2/standard/order/refund', body: refundBody(order.orderId, 'lag-3') });
    expect(await query(sandbox, 'lag-2')).toEqual(['000000', '000000']);
    expect(await query(sandbox, 'lag-3')).toEqual(['400304', '400304']);
    sandbox.setReadLag(0);
    expect(await query(sandbox, 'lag-3')).toEqual(['400304', '400304']);
    expect(() => sandbox.setReadLag(-1)).toThrow(/readLagMs/);
  });
});
