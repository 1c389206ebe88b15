import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHost, startSandboxHost } from '../../test/support/start-sandbox-host';

// Every error answer that puts a client's input in its message, fed 10,000 characters of it over real HTTP:
// the answer quotes at most the first 64 characters (and an ellipsis), whatever the route or the position.

const long = 'x'.repeat(10_000);
const cut = `${'x'.repeat(64)}…`;

interface Probe {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  status: number;
}

const validBody = {
  refundId: 'r-echo-1',
  orderId: 'order-1',
  amount: { amount: '1.00', currency: 'USDT' },
  account: 'gatepay:sandbox',
};

const probes: Probe[] = [
  { name: 'refund id in a read', method: 'GET', path: `/v1/refunds/${long}`, status: 404 },
  { name: 'refund id in events', method: 'GET', path: `/v1/refunds/${long}/events`, status: 404 },
  { name: 'refund id in a sync', method: 'POST', path: `/v1/refunds/${long}/sync`, status: 404 },
  {
    name: 'refund id in a resolve',
    method: 'POST',
    path: `/v1/refunds/${long}/resolve`,
    body: { state: 'failed', reason: 'checked' },
    status: 404,
  },
  {
    name: 'refund id in a resend',
    method: 'POST',
    path: `/v1/refunds/${long}/resend`,
    body: { reason: 'checked' },
    status: 404,
  },
  { name: 'an unknown path', method: 'GET', path: `/v1/${long}`, status: 404 },
  { name: 'a state filter', method: 'GET', path: `/v1/refunds?state=${long}`, status: 422 },
  { name: 'an unknown query parameter', method: 'GET', path: `/v1/refunds?${long}=1`, status: 422 },
  { name: 'an account filter', method: 'GET', path: `/v1/refunds?account=%00${long}`, status: 422 },
  {
    name: 'a refund id in the body',
    method: 'POST',
    path: '/v1/refunds',
    body: { ...validBody, refundId: long },
    status: 422,
  },
  {
    name: 'an unknown body field',
    method: 'POST',
    path: '/v1/refunds',
    body: { ...validBody, [long]: 1 },
    status: 422,
  },
  {
    name: 'an account in the body',
    method: 'POST',
    path: '/v1/refunds',
    body: { ...validBody, account: long },
    status: 422,
  },
  {
    name: 'a currency',
    method: 'POST',
    path: '/v1/refunds',
    body: { ...validBody, amount: { amount: '1.00', currency: long } },
    status: 422,
  },
  {
    name: 'a resolve state',
    method: 'POST',
    path: '/v1/refunds/r-1/resolve',
    body: { state: long, reason: 'checked' },
    status: 422,
  },
  { name: 'malformed JSON', method: 'POST', path: '/v1/refunds', body: `{"refundId": ${long}`, status: 400 },
  {
    name: 'a notification account',
    method: 'POST',
    path: `/v1/notifications/${long}`,
    body: {},
    status: 404,
  },
];

describe('error answers', () => {
  let harness: SandboxHost;
  beforeAll(async () => {
    harness = await startSandboxHost();
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  it.each(probes)('quote no more than 64 characters of $name', async ({ method, path, body, status }) => {
    const response = await harness.call(method, path, body);
    expect(response.status).toBe(status);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('x'.repeat(65));
    expect(text.length).toBeLessThan(1_000);
  });

  it('say which refund they could not find, cut short', async () => {
    const response = await harness.call('GET', `/v1/refunds/${long}`);
    expect(response.body).toEqual({
      error: { code: 'refund_not_found', message: `No refund with id "${cut}".` },
    });
  });

  it('name an unknown path, cut short', async () => {
    const response = await harness.call('GET', `/v1/${long}`);
    expect(response.body).toEqual({
      error: {
        code: 'not_found',
        message: `No route GET "/v1/${'x'.repeat(60)}…"; GET /openapi.json lists them.`,
      },
    });
  });

  it('name an unknown field, cut short, in the message and in `field`', async () => {
    const response = await harness.call('POST', '/v1/refunds', { ...validBody, [long]: 1 });
    expect(response.body).toEqual({
      error: { code: 'invalid_request', message: `${cut}: is not a known field`, field: cut },
    });
  });
});
