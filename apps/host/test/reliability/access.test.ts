import type { RefundCapabilities, RunningSandbox } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxNotifications } from './sandbox-notifications';
import { type ReliabilityHost, refundBody, startReliabilityHost } from './start-reliability-host';

/**
 * Who may do what: an API key for everything but health, the API docs and provider notifications; the provider's
 * signature for notifications; a per-key rate limit that says when to come back; a body size limit enforced
 * before anything is parsed.
 */

const otherKey = 'sk_test_access_second_key_3b9d';
const publicRoutes = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /openapi.json',
  'GET /docs',
  'GET /docs/assets/initialize.js',
  'GET /docs/assets/:file',
  'POST /v1/notifications/:account',
]);
let harness: ReliabilityHost;
let limited: ReliabilityHost;

beforeAll(async () => {
  [harness, limited] = await Promise.all([
    // Refunds stay pending for a minute, so that a forged "settled" notification would have something to move.
    startReliabilityHost({
      settleAfterMs: 60_000,
      // Seven wrong keys on each of a dozen routes from one address: more than the default budget of failures.
      host: {
        apiKeys: ['sk_test_reliability_8c2e41', otherKey],
        failedAuthenticationLimit: { perSecond: 1, burst: 1_000 },
      },
    }),
    startReliabilityHost({ host: { rateLimit: { perSecond: 1, burst: 3 }, bodyLimitBytes: 2_048 } }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([harness?.close(), limited?.close()]);
});

function routesOf(host: ReliabilityHost) {
  const seen = new Set<string>();
  return host.host.app.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => ({ method: route.method, path: route.path, name: `${route.method} ${route.path}` }))
    .filter((route) => !seen.has(route.name) && seen.add(route.name));
}

const concrete = (path: string) => path.replace(':account', 'gatepay:sandbox').replace(':refundId', 'r-1');

describe('API keys', () => {
  it('are required by every route but health, the API docs and notifications', async () => {
    const routes = routesOf(harness);
    expect(routes.length).toBeGreaterThan(publicRoutes.size);
    // The console answers a person without a key with its sign-in page; its own tests cover its access.
    const api = routes.filter((item) => !publicRoutes.has(item.name) && !item.path.startsWith('/console'));
    for (const route of api) {
      for (const authorization of [
        undefined,
        'Bearer ',
        'Bearer sk_test_wrong',
        `Bearer ${harness.apiKey.toUpperCase()}`,
        `Bearer ${harness.apiKey.slice(0, -1)}`,
        `Basic ${harness.apiKey}`,
        harness.apiKey,
      ]) {
        const response = await fetch(`${harness.url}${concrete(route.path)}`, {
          method: route.method,
          headers: authorization === undefined ? {} : { authorization },
        });
        expect(response.status, `${route.name} with ${authorization}`).toBe(401);
        expect(response.headers.get('www-authenticate'), route.name).toBe('Bearer');
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      }
      for (const key of [harness.apiKey, otherKey]) {
        const response = await fetch(`${harness.url}${concrete(route.path)}`, {
          method: route.method,
          headers: { authorization: `Bearer ${key}` },
        });
        expect(response.status, `${route.name} with a valid key`).not.toBe(401);
      }
    }
  });

  it('are not needed for health and readiness', async () => {
    for (const path of ['/healthz', '/readyz']) {
      expect((await fetch(`${harness.url}${path}`)).status, path).toBe(200);
    }
  });
});

/** Every string in the JSON body replaced by one of the same length: the same shape, different facts. */
function forge(body: string | Uint8Array): string {
  const replace = (value: unknown): unknown => {
    if (typeof value === 'string') return 'x'.repeat(value.length);
    if (Array.isArray(value)) return value.map(replace);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replace(item)]));
    return value;
  };
  return JSON.stringify(
    replace(JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body))),
  );
}

describe('provider notifications', () => {
  it('need the provider signature: a forged one is 401 and changes nothing', async () => {
    const listed = (await harness.call('GET', '/v1/accounts')).body as {
      accounts: { id: string; provider: string; capabilities: RefundCapabilities }[];
    };
    let forged = 0;
    for (const { id: account, provider, capabilities } of listed.accounts) {
      const sandbox = harness.sandboxes.get(account) as RunningSandbox;
      const source = sandboxNotifications(provider, sandbox, capabilities);
      if ('notApplicable' in source) continue;
      const order = await harness.freshOrder(account);
      const refundId = `acc${Date.now().toString(36)}${forged}`;
      expect((await harness.call('POST', '/v1/refunds', refundBody(account, order, refundId))).status).toBe(
        201,
      );
      const before = await harness.call('GET', `/v1/refunds/${refundId}/events`);
      const genuine = source.build({ refundId, orderId: order.orderId }, 'pending');
      const headers = genuine.headers as Record<string, string>;
      const attempts: { label: string; body: string | Uint8Array; headers: Record<string, string> }[] = [
        { label: 'forged body', body: forge(genuine.body), headers },
        { label: 'no headers', body: forge(genuine.body), headers: { 'content-type': 'application/json' } },
      ];
      for (const attempt of attempts) {
        const response = await fetch(`${harness.url}/v1/notifications/${account}`, {
          method: 'POST',
          headers: attempt.headers,
          body: attempt.body as BodyInit,
        });
        const text = await response.text();
        expect(response.status, `${account} ${attempt.label}: ${text}`).toBe(401);
        expect((JSON.parse(text) as { error: { code: string } }).error.code).toMatch(
          /signature_invalid|authentication/,
        );
        forged++;
      }
      const after = await harness.call('GET', `/v1/refunds/${refundId}/events`);
      expect(after.body, account).toEqual(before.body);
      expect((await harness.call('GET', `/v1/refunds/${refundId}`)).body).toMatchObject({ state: 'pending' });
    }
    expect(forged).toBeGreaterThan(0);
  });

  it('for an account that takes none, or does not exist, answer 404', async () => {
    for (const account of ['nopay:x', 'iotpay:sandbox']) {
      const response = await fetch(`${harness.url}/v1/notifications/${account}`, {
        method: 'POST',
        body: '{}',
      });
      if (account.startsWith('iotpay') && !harness.sandboxes.has(account)) continue;
      expect(response.status, account).toBe(404);
    }
  });
});

describe('rate limiting', () => {
  const get = (authorization: string) => fetch(`${limited.url}/v1/accounts`, { headers: { authorization } });

  it('answers 429 with Retry-After once a key spends its burst, per key', async () => {
    const statuses: number[] = [];
    for (let request = 0; request < 5; request++)
      statuses.push((await get(`Bearer ${limited.apiKey}`)).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    const refused = await get(`Bearer ${limited.apiKey}`);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // The key itself, however it is written, shares one bucket: spaces cannot buy a fresh one.
    for (const variant of [
      `Bearer  ${limited.apiKey}`,
      `Bearer \t${limited.apiKey}`,
      `Bearer   ${limited.apiKey}`,
    ]) {
      expect((await get(variant)).status, JSON.stringify(variant)).toBe(429);
    }
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1_000));
    expect((await get(`Bearer ${limited.apiKey}`)).status).toBe(200);
  });
});

describe('request size', () => {
  it('refuses a body over the limit with 413, before parsing it', async () => {
    const [account] = [...limited.sandboxes.keys()] as [string];
    const order = await limited.freshOrder(account);
    const refundId = `big${Date.now().toString(36)}`;
    const oversized = JSON.stringify({ ...refundBody(account, order, refundId), reason: 'x'.repeat(4_096) });
    // Not JSON at all: a 413 rather than a 400 shows it was refused before anything read it as JSON.
    const garbage = `{${'!'.repeat(4_096)}`;
    for (const [label, body] of [
      ['oversized refund', oversized],
      ['oversized garbage', garbage],
    ] as const) {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const response = await fetch(`${limited.url}/v1/refunds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${limited.apiKey}`, 'content-type': 'application/json' },
        body,
      });
      expect(response.status, label).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
    }
    // Streamed without a Content-Length, the limit still holds.
    const streamed = await fetch(`${limited.url}/v1/refunds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${limited.apiKey}`, 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let chunk = 0; chunk < 8; chunk++)
            controller.enqueue(new TextEncoder().encode('x'.repeat(1_024)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const notification = await fetch(`${limited.url}/v1/notifications/${account}`, {
      method: 'POST',
      body: garbage,
    });
    expect(notification.status).toBe(413);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await limited.call('GET', `/v1/refunds/${refundId}`)).status).toBe(404);
    expect(
      limited.sandboxes
        .get(account)
        ?.executedRefunds()
        .filter((item) => item.orderId === order.orderId),
    ).toEqual([]);
  });
});
