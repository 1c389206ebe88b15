import { createHmac } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
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
  accept?: string,
) {
  const response = await fetch(`${sandbox.url}/api/${action}`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType, ...(accept === undefined ? {} : { accept }) },
  });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

/** A POST with no Accept header, which fetch cannot send. */
function postWithoutAccept(
  sandbox: RunningCoinCornerSandbox,
  action: string,
  body: string,
  contentType: string,
): Promise<{ status: number; text: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${sandbox.url}/api/${action}`,
      { method: 'POST', headers: { 'content-type': contentType } },
      (incoming) => {
        let text = '';
        incoming.on('data', (chunk) => (text += chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, text, type: incoming.headers['content-type'] }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
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
    expect(await post(sandbox, 'CheckOrder', form({ ...good, Signature: 'f'.repeat(64) }))).toMatchObject({
      status: 400,
      text: '{"Message":"Invalid signature"}',
    });
    expect(
      (await post(sandbox, 'CheckOrder', form({ ...good, APIKey: '00000000-0000-4000-8000-000000000000' })))
        .status,
    ).toBe(400);
    expect((await post(sandbox, 'CheckOrder', form(good))).status).toBe(200);
    expect(await post(sandbox, 'CheckOrder', form(good))).toMatchObject({
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
    expect(await post(sandbox, 'checkorder', body)).toMatchObject({
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
    expect(answer).toMatchObject({ status: 400, text: JSON.stringify({ Message: message }) });
    expect(sandbox.executedRefunds()).toHaveLength(executedBefore);
  });

  it('allows one refund per order by default, several up to the invoice amount in cumulative mode', async () => {
    const { orderId } = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    expect(
      (await post(sandbox, 'RefundOrder', form(signedFields(sandbox, refundFields(orderId, '4.00'))))).status,
    ).toBe(200);
    expect(
      await post(sandbox, 'RefundOrder', form(signedFields(sandbox, refundFields(orderId, '4.00')))),
    ).toMatchObject({
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

  describe('reply format', () => {
    it('answers in XML when the client accepts XML, as the documented MerchantOrder', async () => {
      const { orderId } = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
      const body = form(signedFields(sandbox, { OrderId: orderId }));
      for (const accept of ['application/xml', 'text/xml', 'application/json;q=0.5, application/xml']) {
        const answer = await post(
          sandbox,
          'CheckOrder',
          form(signedFields(sandbox, { OrderId: orderId })),
          undefined,
          accept,
        );
        expect(answer.type).toBe(
          `${accept.endsWith('text/xml') ? 'text/xml' : 'application/xml'}; charset=utf-8`,
        );
        expect(answer.text).toBe(
          '<MerchantOrder xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/CCPayments.Models">' +
            `<OrderId>${orderId}</OrderId><OrderStatus>2</OrderStatus><OrderStatusText>Complete</OrderStatusText></MerchantOrder>`,
        );
      }
      expect((await post(sandbox, 'CheckOrder', body, undefined, 'application/json')).type).toBe(
        'application/json; charset=utf-8',
      );
    });

    it('answers an XML request without Accept in XML, and one accepting anything in JSON, as ASP.NET does', async () => {
      const { orderId } = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
      const xmlFor = (fields: Record<string, string>) =>
        `<GetOrderParams><APIKey>${fields.APIKey}</APIKey><Nonce>${fields.Nonce}</Nonce><Signature>${fields.Signature}</Signature><OrderId>${orderId}</OrderId></GetOrderParams>`;
      // node:http sends no Accept header at all (fetch always sends */*).
      const answer = await postWithoutAccept(
        sandbox,
        'GetOrder',
        xmlFor(signedFields(sandbox, {})),
        'text/xml',
      );
      expect(answer.type).toBe('text/xml; charset=utf-8');
      expect(answer.text).toMatch(
        /^<GetOrderResponse [^>]*><CryptoAmount>\d+\.\d{8}<\/CryptoAmount><InvoiceAmount>10\.00<\/InvoiceAmount>/,
      );
      // Accept */* matches the first formatter, JSON, before the request's own type is considered.
      const json = await post(sandbox, 'GetOrder', xmlFor(signedFields(sandbox, {})), 'text/xml', '*/*');
      expect(json.type).toBe('application/json; charset=utf-8');
      expect(json.text).toContain('"InvoiceAmount":10.00,');
    });

    it('writes errors as ASP.NET does in XML: <Error><Message>', async () => {
      const answer = await post(
        sandbox,
        'CheckOrder',
        form({ OrderId: '1', APIKey: 'x' }),
        undefined,
        'application/xml',
      );
      expect(answer).toEqual({
        status: 400,
        text: '<Error><Message>Invalid signature</Message></Error>',
        type: 'application/xml; charset=utf-8',
      });
    });

    it('binds the documented CheckOrderParams XML, whose inherited members carry their own xmlns', async () => {
      const { orderId } = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
      const fields = signedFields(sandbox, {});
      const models = 'xmlns="http://schemas.datacontract.org/2004/07/CCPayments.Models"';
      const xml =
        '<CheckOrderParams xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/CCPayments.Controllers">' +
        `<APIKey ${models}>${fields.APIKey}</APIKey><Nonce ${models}>${fields.Nonce}</Nonce>` +
        `<Signature ${models}>${fields.Signature}</Signature><OrderId>${orderId}</OrderId></CheckOrderParams>`;
      const answer = await post(sandbox, 'CheckOrder', xml, 'application/xml', 'application/json');
      expect(answer).toMatchObject({ status: 200, text: expect.stringContaining('"OrderStatus":2,') });
    });

    it('answers an accepted refund with an empty body that claims no JSON or XML', async () => {
      for (const accept of ['application/json', 'application/xml', undefined]) {
        const { orderId } = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
        const answer = await post(
          sandbox,
          'RefundOrder',
          form(signedFields(sandbox, refundFields(orderId))),
          undefined,
          accept,
        );
        expect(answer).toEqual({ status: 200, text: '', type: 'text/plain; charset=utf-8' });
      }
    });

    it("answers the 'json-string' refund acceptance in the negotiated format", async () => {
      const variant = await start({ refundAnswer: 'json-string' });
      const refund = async (accept: string) => {
        const { orderId } = await variant.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
        return post(
          variant,
          'RefundOrder',
          form(signedFields(variant, refundFields(orderId))),
          undefined,
          accept,
        );
      };
      expect(await refund('application/json')).toEqual({
        status: 200,
        text: '""',
        type: 'application/json; charset=utf-8',
      });
      expect(await refund('text/xml')).toEqual({
        status: 200,
        text: '<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/"/>',
        type: 'text/xml; charset=utf-8',
      });
    });
  });

  describe('read lag', () => {
    const statusOf = async (running: RunningCoinCornerSandbox, orderId: string) => {
      const check = JSON.parse(
        (await post(running, 'CheckOrder', form(signedFields(running, { OrderId: orderId })))).text,
      );
      const get = JSON.parse(
        (await post(running, 'GetOrder', form(signedFields(running, { OrderId: orderId })))).text,
      );
      return [check.OrderStatus, get.OrderStatus];
    };

    it('hides a refund from CheckOrder and GetOrder for readLagMs, but not from RefundOrder', async () => {
      const lagging = await start({ readLagMs: 300, settleAfterMs: 10_000 });
      const { orderId } = await lagging.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
      const refund = () => post(lagging, 'RefundOrder', form(signedFields(lagging, refundFields(orderId))));
      expect((await refund()).status).toBe(200);
      expect(lagging.executedRefunds()).toHaveLength(1);
      expect(await statusOf(lagging, orderId)).toEqual([2, 2]);
      // The write side knows: a second refund of the order is refused at once.
      expect((await refund()).text).toBe('{"Message":"Order cannot be refunded"}');
      await expect.poll(() => statusOf(lagging, orderId), { timeout: 2_000, interval: 50 }).toEqual([-4, -4]);
    });

    it('changes the lag for later refunds with setReadLag', async () => {
      const lagging = await start({ settleAfterMs: 10_000 });
      const first = await lagging.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
      await post(lagging, 'RefundOrder', form(signedFields(lagging, refundFields(first.orderId))));
      expect(await statusOf(lagging, first.orderId)).toEqual([-4, -4]);
      lagging.setReadLag(60_000);
      const second = await lagging.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
      await post(lagging, 'RefundOrder', form(signedFields(lagging, refundFields(second.orderId))));
      expect(await statusOf(lagging, second.orderId)).toEqual([2, 2]);
      expect(await statusOf(lagging, first.orderId)).toEqual([-4, -4]);
      lagging.setReadLag(0);
      expect(() => lagging.setReadLag(-1)).toThrow(RangeError);
    });
  });
});
