import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testnetAddress } from '../__fixtures__/test-credentials';
import { parseBitcoinAddress } from '../bitcoin-address/parse-bitcoin-address';
import type { CoinCornerSandboxOptions } from './coincorner-sandbox-options';
import { createCoinCornerSandbox, type RunningCoinCornerSandbox } from './create-coincorner-sandbox';

let nonce = 1_000_000n;

/** Signs as the reference says, with node:crypto, so the sandbox is tested against the protocol, not our client. */
function signedFields(sandbox: RunningCoinCornerSandbox, fields: Record<string, string>, useNonce = ++nonce) {
  const { apiKey, apiSecret, userId } = sandbox.settings;
  const signature = createHmac('sha256', apiSecret.toLowerCase())
    .update(`${useNonce}${userId}${apiKey}`.toLowerCase())
    .digest('hex');
  return { ...fields, APIKey: apiKey, Signature: signature, Nonce: String(useNonce) };
}

async function post(
  sandbox: RunningCoinCornerSandbox,
  action: string,
  body: string,
  contentType = 'application/x-www-form-urlencoded',
) {
  const response = await fetch(`${sandbox.url}/api/${action}`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
  });
  return { status: response.status, text: await response.text() };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('the CoinCorner sandbox', () => {
  let sandbox: RunningCoinCornerSandbox;
  const started: RunningCoinCornerSandbox[] = [];
  const start = async (options: CoinCornerSandboxOptions) => {
    const running = await createCoinCornerSandbox(options);
    started.push(running);
    return running;
  };
  beforeAll(async () => {
    sandbox = await start({ settleAfterMs: 60 });
  });
  afterAll(() => Promise.all(started.map((running) => running.close())));

  const refundFields = (orderId: string, amount = '1.00') => ({
    OrderId: orderId,
    Amount: amount,
    Address: testnetAddress,
    RefundType: '1',
  });

  it('refuses a wrong signature, an unknown key, and a nonce that does not increase', async () => {
    const { orderId } = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    const good = signedFields(sandbox, { OrderId: orderId });
    expect(await post(sandbox, 'CheckOrder', form({ ...good, Signature: 'f'.repeat(64) }))).toEqual({
      status: 400,
      text: '{"Message":"Invalid signature"}',
    });
    expect(
      (await post(sandbox, 'CheckOrder', form({ ...good, APIKey: '00000000-0000-4000-8000-000000000000' })))
        .status,
    ).toBe(400);
    expect((await post(sandbox, 'CheckOrder', form(good))).status).toBe(200);
    expect(await post(sandbox, 'CheckOrder', form(good))).toEqual({
      status: 400,
      text: '{"Message":"Invalid nonce"}',
    });
    const older = signedFields(sandbox, { OrderId: orderId }, nonce - 5n);
    expect((await post(sandbox, 'CheckOrder', form(older))).status).toBe(400);
  });

  it('accepts an upper-case signature (as the OpenCart plugin sends) and lower-case field names', async () => {
    const { orderId } = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    const fields = signedFields(sandbox, { OrderId: orderId });
    const body = form({
      orderid: orderId,
      apikey: fields.APIKey.toUpperCase(),
      signature: fields.Signature.toUpperCase(),
      nonce: fields.Nonce,
    });
    expect(await post(sandbox, 'checkorder', body)).toEqual({
      status: 200,
      text: JSON.stringify({ OrderId: orderId, OrderStatus: 2, OrderStatusText: 'Complete' }),
    });
  });

  it('binds JSON and XML bodies like the documented samples', async () => {
    const first = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    const json = signedFields(sandbox, {});
    const jsonBody = `{"OrderId":${JSON.stringify(first.orderId)},"Amount":2.0,"Address":"${testnetAddress}","RefundType":0,"APIKey":"${json.APIKey}","Signature":"${json.Signature}","Nonce":${json.Nonce}}`;
    expect((await post(sandbox, 'RefundOrder', jsonBody, 'application/json')).status).toBe(200);
    const second = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    const xml = signedFields(sandbox, {});
    const xmlBody = `<RefundOrderParams><APIKey>${xml.APIKey}</APIKey><Nonce>${xml.Nonce}</Nonce><Signature>${xml.Signature}</Signature><Address>${testnetAddress}</Address><Amount>2</Amount><OrderId>${second.orderId}</OrderId><RefundType>BuyNew</RefundType></RefundOrderParams>`;
    expect((await post(sandbox, 'RefundOrder', xmlBody, 'text/xml')).status).toBe(200);
    expect(
      sandbox
        .executedRefunds()
        .slice(-2)
        .map((record) => record.amount),
    ).toEqual(['2.0', '2']);
  });

  it('answers 404, 405 and 415 the way ASP.NET does', async () => {
    expect((await post(sandbox, 'CreateRefund', form({}))).status).toBe(404);
    expect((await fetch(`${sandbox.url}/api/CheckOrder`)).status).toBe(405);
    expect((await post(sandbox, 'CheckOrder', 'OrderId=1', 'text/plain')).status).toBe(415);
  });

  it.each([
    ['more than the order', { Amount: '10.01' }, 'Refund amount exceeds the amount remaining on the order'],
    ['9 decimal places', { Amount: '0.000000001' }, 'Invalid amount'],
    ['a zero amount', { Amount: '0' }, 'Invalid amount'],
    ['an address that is no Bitcoin address', { Address: '0xdeadbeef' }, 'Invalid address'],
    ['RefundType 2', { RefundType: '2' }, 'Invalid refund type'],
    ['an unknown order', { OrderId: '1' }, 'Order not found'],
  ])('refuses a refund of %s and executes nothing', async (_case, change, message) => {
    const { orderId } = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    const executedBefore = sandbox.executedRefunds().length;
    const answer = await post(
      sandbox,
      'RefundOrder',
      form(signedFields(sandbox, { ...refundFields(orderId), ...change })),
    );
    expect(answer).toEqual({ status: 400, text: JSON.stringify({ Message: message }) });
    expect(sandbox.executedRefunds()).toHaveLength(executedBefore);
  });

  it('allows one refund per order by default, several up to the invoice amount in cumulative mode', async () => {
    const { orderId } = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    expect(
      (await post(sandbox, 'RefundOrder', form(signedFields(sandbox, refundFields(orderId, '4.00'))))).status,
    ).toBe(200);
    expect(
      await post(sandbox, 'RefundOrder', form(signedFields(sandbox, refundFields(orderId, '4.00')))),
    ).toEqual({
      status: 400,
      text: '{"Message":"Order cannot be refunded"}',
    });
    const cumulative = await start({ refundMode: 'cumulative', settleAfterMs: 60 });
    const order = await cumulative.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    const refund = (amount: string) =>
      post(cumulative, 'RefundOrder', form(signedFields(cumulative, refundFields(order.orderId, amount))));
    expect((await refund('4.00')).status).toBe(200);
    expect((await refund('6.00')).status).toBe(200);
    expect((await refund('0.01')).status).toBe(400);
    expect(cumulative.executedRefunds().map((record) => record.amount)).toEqual(['4.00', '6.00']);
  });

  it('moves a refund from -4 to -5 after settleAfterMs', async () => {
    const { orderId } = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    await post(sandbox, 'RefundOrder', form(signedFields(sandbox, refundFields(orderId))));
    expect(sandbox.orderStatus(orderId)).toBe(-4);
    await expect.poll(() => sandbox.orderStatus(orderId), { timeout: 1_000 }).toBe(-5);
    expect(sandbox.executedRefunds().find((record) => record.orderId === orderId)?.status).toBe('succeeded');
  });

  it('stops settling when closed', async () => {
    const closing = await createCoinCornerSandbox({ settleAfterMs: 50 });
    const { orderId } = await closing.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    await post(closing, 'RefundOrder', form(signedFields(closing, refundFields(orderId))));
    await closing.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closing.orderStatus(orderId)).toBe(-4);
  });

  it('can answer an unknown order with 401 for bad credentials and N/A for CheckOrder, as options', async () => {
    const variant = await start({ authenticationFailureStatus: 401, unknownOrderAnswer: 'status-na' });
    const fields = signedFields(variant, { OrderId: '42' });
    expect((await post(variant, 'CheckOrder', form({ ...fields, Signature: 'bad' }))).status).toBe(401);
    expect(JSON.parse((await post(variant, 'CheckOrder', form(fields))).text)).toEqual({
      OrderId: '42',
      OrderStatusText: 'N/A',
      Error: 'Order not found',
    });
  });

  it("accepts only new nonces in 'unique' mode, whatever their order", async () => {
    const unique = await start({ nonceRule: 'unique' });
    const { orderId } = await unique.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    const check = (value: bigint) =>
      post(unique, 'CheckOrder', form(signedFields(unique, { OrderId: orderId }, value)));
    expect((await check(500n)).status).toBe(200);
    expect((await check(400n)).status).toBe(200);
    expect((await check(400n)).status).toBe(400);
  });

  it('posts the webhook until the merchant answers 200, at most 3 resends', async () => {
    let deliveries = 0;
    const bodies: string[] = [];
    const merchant = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        deliveries++;
        bodies.push(body);
        response.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/hook`;
    const notifying = await start({
      notificationUrl: url,
      notificationRetryDelaysMs: [10, 10, 10],
      settleAfterMs: 10_000,
    });
    const { orderId } = await notifying.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    await post(notifying, 'RefundOrder', form(signedFields(notifying, refundFields(orderId))));
    await expect.poll(() => deliveries, { timeout: 1_000 }).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deliveries).toBe(4);
    expect(JSON.parse(bodies[0] ?? '')).toEqual({ OrderId: orderId, APIKey: notifying.settings.apiKey });
    await new Promise<void>((resolve) => merchant.close(() => resolve()));
  });

  it('seeds three described demo orders with valid testnet refund addresses', async () => {
    const demo = await sandbox.seedDemoOrders();
    expect(demo.map((order) => order.amount.currency)).toEqual(['GBP', 'EUR', 'GBP']);
    for (const order of demo) {
      expect(order.description.length).toBeGreaterThan(10);
      expect(parseBitcoinAddress(order.destination?.address ?? '')).toMatchObject({
        valid: true,
        network: 'testnet',
      });
      expect(sandbox.orderStatus(order.orderId)).toBe(2);
    }
  });

  it('hands out copies of its ground truth', async () => {
    const { orderId } = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    await post(sandbox, 'RefundOrder', form(signedFields(sandbox, refundFields(orderId))));
    const record = sandbox.executedRefunds().find((item) => item.orderId === orderId);
    if (record) (record as { amount: string }).amount = '999';
    expect(sandbox.executedRefunds().find((item) => item.orderId === orderId)?.amount).toBe('1.00');
  });
});
