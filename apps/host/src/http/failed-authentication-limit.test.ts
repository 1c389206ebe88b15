import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHost, startSandboxHost, testApiKey } from '../../test/support/start-sandbox-host';

// Requests without a valid key, limited per client address over real HTTP: the API, the console's sign-in
// form, and where the address comes from.

const wrongKey = 'Bearer sk_test_wrong_key_0123456789abcdef';

describe('failed authentications from one socket address (the default)', () => {
  let harness: SandboxHost;
  beforeAll(async () => {
    harness = await startSandboxHost();
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('answers 429 with Retry-After once the default budget of 100 is spent, where every wrong key got 401 before', async () => {
    const statuses: number[] = [];
    const started = Date.now();
    // Batches of concurrent requests, as a client hammering the host would send them.
    for (let batch = 0; batch < 6; batch += 1) {
      const responses = await Promise.all(
        Array.from({ length: 25 }, (_, index) =>
          fetch(`${harness.url}/v1/refunds/r-${batch}-${index}`, {
            headers: index % 2 === 0 ? { authorization: wrongKey } : {},
          }),
        ),
      );
      for (const response of responses) {
        statuses.push(response.status);
        await response.arrayBuffer();
      }
    }
    const unauthorized = statuses.filter((status) => status === 401).length;
    // 100 at once, and one more for each second the requests took.
    expect(unauthorized).toBeGreaterThanOrEqual(100);
    expect(unauthorized).toBeLessThanOrEqual(100 + Math.ceil((Date.now() - started) / 1000));
    expect(statuses.filter((status) => status === 429).length).toBe(150 - unauthorized);

    const limited = await fetch(`${harness.url}/v1/accounts`, { headers: { authorization: wrongKey } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('www-authenticate')).toBeNull();
    expect(await limited.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(
          /^Too many failed authentications from your address; retry after \d+ s\.$/,
        ),
      },
    });
  });

  it('never refuses a valid key from that address: a stale job must not lock out the service beside it', async () => {
    const response = await fetch(`${harness.url}/v1/accounts`, {
      headers: { authorization: `Bearer ${testApiKey}` },
    });
    expect(response.status).toBe(200);
  });

  it('ignores X-Forwarded-For unless the operator trusts a proxy: a spoofed header buys no fresh budget', async () => {
    const response = await fetch(`${harness.url}/v1/accounts`, {
      headers: { authorization: wrongKey, 'x-forwarded-for': '198.51.100.77' },
    });
    expect(response.status).toBe(429);
  });
});

describe('failed authentications behind a trusted proxy', () => {
  let harness: SandboxHost;
  beforeAll(async () => {
    harness = await startSandboxHost({
      failedAuthenticationLimit: { perSecond: 0.01, burst: 3 },
      clientAddress: { trustedProxyCount: 1 },
    });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  /** As the proxy would forward it: whatever the client claimed, then the address the proxy saw. */
  const from = (address: string, headers: Record<string, string> = {}) => ({
    ...headers,
    'x-forwarded-for': `203.0.113.250, ${address}`,
  });

  const statusOf = async (path: string, init: RequestInit) => {
    const response = await fetch(`${harness.url}${path}`, init);
    await response.arrayBuffer();
    return response.status;
  };

  it('keeps a budget per address the proxy saw, not per address the client claimed', async () => {
    const wrong = (address: string) =>
      statusOf('/v1/accounts', { headers: from(address, { authorization: wrongKey }) });
    expect([await wrong('192.0.2.1'), await wrong('192.0.2.1'), await wrong('192.0.2.1')]).toEqual([
      401, 401, 401,
    ]);
    expect(await wrong('192.0.2.1')).toBe(429);
    // Another client behind the same proxy still has its own budget.
    expect(await wrong('192.0.2.2')).toBe(401);
  });

  it('counts an IPv6 client by its /64, since it can pick any address in it', async () => {
    const wrong = (address: string) =>
      statusOf('/v1/accounts', { headers: from(address, { authorization: wrongKey }) });
    const statuses = [
      await wrong('2001:db8:1:2::1'),
      await wrong('2001:db8:1:2::2'),
      await wrong('2001:0db8:0001:0002:ffff::9'),
      await wrong('2001:db8:1:2:abcd::1'),
    ];
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(await wrong('2001:db8:1:3::1')).toBe(401);
  });

  it("counts wrong keys in the console's sign-in form, and still lets the right key sign in", async () => {
    const address = '192.0.2.30';
    const page = await fetch(`${harness.url}/console/sign-in`, { headers: from(address) });
    expect(page.status).toBe(401);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const token = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] as string;
    // Opening the page is no attempt: it counted for nothing.
    const signIn = (apiKey: string) =>
      fetch(`${harness.url}/console/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: from(address, {
          cookie,
          origin: harness.url,
          'content-type': 'application/x-www-form-urlencoded',
        }),
        body: new URLSearchParams({ csrf: token, next: '/console', apiKey }).toString(),
      });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await signIn('sk_test_not_a_key_of_this_host_42');
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('content-type')).toContain('text/plain');
        expect(await response.text()).toMatch(/^Too many failed authentications from your address/);
      } else await response.arrayBuffer();
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const right = await signIn(testApiKey);
    expect(right.status).toBe(303);
  });

  it('counts a wrong key a script sends to the console, but not a person opening a page without a session', async () => {
    const address = '192.0.2.40';
    for (let visit = 0; visit < 5; visit += 1) {
      expect(await statusOf('/console', { headers: from(address) })).toBe(401);
    }
    const scripted = () => statusOf('/console', { headers: from(address, { authorization: wrongKey }) });
    expect([await scripted(), await scripted(), await scripted(), await scripted()]).toEqual([
      401, 401, 401, 429,
    ]);
  });
});
