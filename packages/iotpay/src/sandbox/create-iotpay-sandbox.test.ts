import { afterEach, describe, expect, it } from 'vitest';
import { verifyIotPaySignature } from '../signing/verify-iotpay-signature';
import { createIotPaySandbox, type IotPaySandbox } from './create-iotpay-sandbox';
import iotpaySandboxPlugin from './index';
import { signLikeXxPay } from './sign-like-xxpay';

let sandbox: IotPaySandbox;
afterEach(() => sandbox?.close());

async function post(path: string, fields: Record<string, unknown> | undefined, init: RequestInit = {}) {
  const body = fields === undefined ? '' : new URLSearchParams({ params: JSON.stringify(fields) }).toString();
  const response = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    ...init,
  });
  return { status: response.status, text: await response.text() };
}

const signed = (fields: Record<string, unknown>, key = String(sandbox.settings.merchantKey)) => ({
  ...fields,
  sign: signLikeXxPay(fields, key),
});

async function refundFields(amount = '10.00') {
  const order = await sandbox.seedOrder({ amount: { amount, currency: 'CAD' } });
  const { mchId, loginName } = sandbox.settings;
  return {
    mchId,
    mchRefundNo: `S${Date.now()}`,
    refundAmount: 100,
    currency: 'CAD',
    clientIp: '1.2.3.4',
    loginName,
    payOrderId: order.orderId,
  };
}

describe('createIotPaySandbox', () => {
  it('answers the documented failures unsigned with retCode FAIL, always HTTP 200 JSON', async () => {
    sandbox = await createIotPaySandbox();
    const get = await fetch(`${sandbox.url}/v1/refund_order`);
    expect(get.headers.get('content-type')).toContain('application/json');
    expect(await get.json()).toEqual({ retCode: 'FAIL', retMsg: 'post method required' });
    expect(JSON.parse((await post('/v1/refund_order', undefined)).text)).toEqual({
      retCode: 'FAIL',
      retMsg: 'post data empty',
    });
    const fields = await refundFields();
    const missing = { ...fields, clientIp: '' };
    expect(JSON.parse((await post('/v1/refund_order', signed(missing))).text)).toEqual({
      retCode: 'FAIL',
      retMsg: 'request params[clientIp] error.',
    });
    const forged = { ...signed(fields), refundAmount: 101 };
    expect(JSON.parse((await post('/v1/refund_order', forged)).text)).toEqual({
      retCode: 'FAIL',
      retMsg: 'signature error',
    });
    expect(JSON.parse((await post('/v1/refund_order', signed(fields, 'OTHER_KEY'))).text).retMsg).toBe(
      'signature error',
    );
    expect(sandbox.executedRefunds()).toHaveLength(0);
  });

  it('accepts a lower-case sign and answers success signed with the merchant key', async () => {
    sandbox = await createIotPaySandbox();
    const fields = await refundFields();
    const request = signed(fields);
    const answer = JSON.parse(
      (await post('/v1/refund_order', { ...request, sign: request.sign.toLowerCase() })).text,
    );
    expect(answer).toMatchObject({ retCode: 'SUCCESS', retMsg: '', resCode: 'SUCCESS' });
    expect(await verifyIotPaySignature(answer, String(sandbox.settings.merchantKey))).toBe(true);
    expect(sandbox.executedRefunds()).toEqual([
      {
        orderId: fields.payOrderId,
        refundId: fields.mchRefundNo,
        providerRefundId: answer.refundOrderId,
        amount: '1.00',
        status: 'pending',
      },
    ]);
  });

  it('keeps each order refundable balance and refuses a refund above it (0014, signed)', async () => {
    sandbox = await createIotPaySandbox();
    const fields = await refundFields('1.50');
    expect(
      JSON.parse((await post('/v1/refund_order', signed({ ...fields, refundAmount: 100 }))).text).resCode,
    ).toBe('SUCCESS');
    const over = JSON.parse(
      (await post('/v1/refund_order', signed({ ...fields, mchRefundNo: 'S2', refundAmount: 51 }))).text,
    );
    expect(over).toMatchObject({ retCode: 'SUCCESS', resCode: 'FAIL', errCode: '0014' });
    expect(await verifyIotPaySignature(over, String(sandbox.settings.merchantKey))).toBe(true);
    const rest = JSON.parse(
      (await post('/v1/refund_order', signed({ ...fields, mchRefundNo: 'S3', refundAmount: '50' }))).text,
    );
    expect(rest.resCode).toBe('SUCCESS');
    const unknown = JSON.parse(
      (await post('/v1/refund_order', signed({ ...fields, mchRefundNo: 'S4', payOrderId: 'U9' }))).text,
    );
    expect(unknown).toMatchObject({ resCode: 'FAIL', errCode: '0112' });
  });

  it('rejects a reused mchRefundNo with the configured code', async () => {
    sandbox = await createIotPaySandbox({ duplicateErrorCode: '0113' });
    const fields = await refundFields();
    await post('/v1/refund_order', signed(fields));
    const again = JSON.parse((await post('/v1/refund_order', signed(fields))).text);
    expect(again).toMatchObject({ resCode: 'FAIL', errCode: '0113' });
    expect(sandbox.executedRefunds()).toHaveLength(1);
  });

  it('settles refunds after settleAfterMs, answers the query, and stops its timers on close', async () => {
    // Wide enough that a loaded machine still queries before the refund settles.
    sandbox = await createIotPaySandbox({ settleAfterMs: 300 });
    const fields = await refundFields();
    await post('/v1/refund_order', signed(fields));
    const query = signed({ mchId: sandbox.settings.mchId, mchRefundNo: fields.mchRefundNo });
    const pending = JSON.parse((await post('/v1/query_refund_order', query)).text);
    expect(pending).toMatchObject({
      retCode: 'SUCCESS',
      status: '1',
      refundAmount: '100',
      refundSuccTime: '',
    });
    await new Promise((resolve) => setTimeout(resolve, 350));
    const settled = JSON.parse((await post('/v1/query_refund_order', query)).text);
    expect(settled.status).toBe('2');
    expect(typeof settled.refundSuccTime).toBe('number');
    expect(await verifyIotPaySignature(settled, String(sandbox.settings.merchantKey))).toBe(true);
    expect(sandbox.executedRefunds()[0]?.status).toBe('succeeded');

    const unknown = signed({ mchId: sandbox.settings.mchId, mchRefundNo: 'NOPE' });
    expect(JSON.parse((await post('/v1/query_refund_order', unknown)).text)).toEqual({
      retCode: 'FAIL',
      retMsg: 'refund order does not exist',
    });

    await post('/v1/refund_order', signed({ ...fields, mchRefundNo: 'LATE' }));
    await sandbox.close();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(sandbox.executedRefunds().find((refund) => refund.refundId === 'LATE')?.status).toBe('pending');
  });

  it('answers query_order for a seeded payment with amount in integer cents', async () => {
    sandbox = await createIotPaySandbox();
    const order = await sandbox.seedOrder({ amount: { amount: '12.34', currency: 'USD' } });
    const answer = await post(
      '/v1/query_order',
      signed({ mchId: sandbox.settings.mchId, payOrderId: order.orderId }),
    );
    expect(answer.text).toContain('"amount":1234,');
    expect(JSON.parse(answer.text)).toMatchObject({ resCode: 'SUCCESS', currency: 'USD', status: 2 });
  });

  it('seeds three described demo orders and starts through its plugin with working settings', async () => {
    expect(iotpaySandboxPlugin).toMatchObject({ specificationVersion: 'refunds-v1', id: 'iotpay' });
    sandbox = (await iotpaySandboxPlugin.start({ settleAfterMs: 10 })) as IotPaySandbox;
    const orders = await sandbox.seedDemoOrders();
    expect(orders).toHaveLength(3);
    for (const order of orders) {
      expect(order.orderId).toMatch(/^U\d{26}$/);
      expect(order.description.length).toBeGreaterThan(10);
    }
    expect(new Set(orders.map((order) => order.orderId)).size).toBe(3);
    expect(sandbox.settings).toMatchObject({
      baseUrl: sandbox.url,
      refundQueryPath: '/v1/query_refund_order',
    });
    expect(String(sandbox.settings.merchantKey)).toMatch(/^sandbox_[0-9a-f]{48}$/);
    const other = await createIotPaySandbox();
    expect(other.settings.merchantKey).not.toBe(sandbox.settings.merchantKey);
    await other.close();
  });

  it('reads a params= body by its shape, whatever its content type, as a PHP client sends it', async () => {
    sandbox = await createIotPaySandbox();
    const fields = signed(await refundFields());
    // IOTPay's published v3 PHP helper posts with `content-type:application/json;charset=UTF-8`; the docs' refund
    // sample hands it a raw `params=<json>` string.
    const raw = `params=${JSON.stringify(fields)}`;
    const answer = await post('/v1/refund_order', undefined, {
      headers: { 'content-type': 'application/json;charset=UTF-8' },
      body: raw,
    });
    expect(JSON.parse(answer.text)).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS' });
    const json = signed({ ...(await refundFields()), mchRefundNo: 'JSON1' });
    const plain = await post('/v1/refund_order', undefined, {
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(json),
    });
    expect(JSON.parse(plain.text)).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS' });
    expect(sandbox.executedRefunds()).toHaveLength(2);
  });

  it('refuses a body whose content type does not match its shape when strictContentType is set', async () => {
    sandbox = await createIotPaySandbox({ strictContentType: true });
    const fields = signed(await refundFields());
    const mismatched: [string, string][] = [
      ['application/json;charset=UTF-8', `params=${JSON.stringify(fields)}`],
      ['application/x-www-form-urlencoded', JSON.stringify(fields)],
    ];
    for (const [contentType, body] of mismatched) {
      const answer = await post('/v1/refund_order', undefined, {
        headers: { 'content-type': contentType },
        body,
      });
      expect(JSON.parse(answer.text)).toEqual({ retCode: 'FAIL', retMsg: 'post data empty' });
    }
    expect(sandbox.executedRefunds()).toHaveLength(0);
    const json = await post('/v1/refund_order', undefined, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fields),
    });
    expect(JSON.parse(json.text).resCode).toBe('SUCCESS');
  });

  it('hides an executed refund from the refund query for readLagMs, as a lagging read side', async () => {
    sandbox = await createIotPaySandbox({ readLagMs: 400 });
    const fields = await refundFields();
    expect(JSON.parse((await post('/v1/refund_order', signed(fields))).text).resCode).toBe('SUCCESS');
    const query = signed({ mchId: sandbox.settings.mchId, mchRefundNo: fields.mchRefundNo });
    expect(JSON.parse((await post('/v1/query_refund_order', query)).text)).toEqual({
      retCode: 'FAIL',
      retMsg: 'refund order does not exist',
    });
    // The write side already knows it: a resend is refused as a reused mchRefundNo meanwhile.
    expect(JSON.parse((await post('/v1/refund_order', signed(fields))).text).errCode).toBe('0014');
    expect(sandbox.executedRefunds()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(JSON.parse((await post('/v1/query_refund_order', query)).text).status).toBe('1');
  });

  it('changes the read lag for refunds executed after setReadLag', async () => {
    sandbox = await createIotPaySandbox();
    const before = await refundFields();
    await post('/v1/refund_order', signed(before));
    sandbox.setReadLag(60_000);
    const after = { ...(await refundFields()), mchRefundNo: 'LAGGED' };
    await post('/v1/refund_order', signed(after));
    const query = (mchRefundNo: string) => signed({ mchId: sandbox.settings.mchId, mchRefundNo });
    expect(JSON.parse((await post('/v1/query_refund_order', query(before.mchRefundNo))).text).retCode).toBe(
      'SUCCESS',
    );
    expect(JSON.parse((await post('/v1/query_refund_order', query('LAGGED'))).text).retMsg).toBe(
      'refund order does not exist',
    );
    sandbox.setReadLag(0);
    expect(JSON.parse((await post('/v1/query_refund_order', query('LAGGED'))).text).retMsg).toBe(
      'refund order does not exist',
    );
  });

  it('answers 404 outside its endpoints', async () => {
    sandbox = await createIotPaySandbox({ refundQueryPath: '/v1/refund_query' });
    expect((await post('/v1/query_refund_order', {})).status).toBe(404);
  });
});
