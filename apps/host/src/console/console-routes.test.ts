import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHost, startSandboxHost, testApiKey } from '../../test/support/start-sandbox-host';
import type { NamedApiKey } from '../http/api-keys';

const viewer: NamedApiKey = { name: 'victor', secret: 'vw_routes_5e1c7a3b9d2f4e6a8c0b', role: 'viewer' };
const origin = 'https://refunds.example';

let harness: SandboxHost;
beforeAll(async () => {
  harness = await startSandboxHost({ apiKeys: [testApiKey, viewer] });
}, 30_000);
afterAll(async () => {
  await harness?.close();
});

function request(path: string, init: RequestInit = {}) {
  return harness.host.app.request(`${origin}${path}`, init);
}

/** The sign-in form's token and the cookie that carries it, as a browser would have them. */
async function signInForm(path = '/console') {
  const page = await request(path);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const token = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  return { cookie, token };
}

function postSignIn(fields: Record<string, string>, cookie: string, headers: Record<string, string> = {}) {
  return request('/console/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, cookie, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('the console without a browser', () => {
  it('answers every page with the sign-in page, and nothing else, without a key', async () => {
    for (const path of ['/console', '/console/search?q=1', '/console/refunds/abc', '/console/nowhere']) {
      const page = await request(path);
      expect(page.status, path).toBe(401);
      const html = await page.text();
      expect(html).toContain('<h1>Sign in</h1>');
      expect(html).not.toContain('Needing attention');
    }
  });

  it('sends pages that run no script, load nothing from elsewhere and are not cached', async () => {
    const page = await request('/console');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).not.toContain('script-src');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).not.toMatch(/<script|https?:\/\/(?!refunds\.example)/);
  });

  it('signs in over https with a Secure, HttpOnly, SameSite=Strict cookie that holds no key', async () => {
    const form = await signInForm('/console/search?q=order-1');
    expect(form.cookie).toMatch(/^refunds_console_sign_in=/);
    const signedIn = await postSignIn(
      { csrf: form.token, apiKey: viewer.secret, next: '/console/search?q=order-1' },
      form.cookie,
    );
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/console/search?q=order-1');
    const session = signedIn.headers.getSetCookie().find((cookie) => cookie.startsWith('refunds_console='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/Path=\/console/);
    expect(session).not.toContain(viewer.secret);

    const overview = await request('/console', { headers: { cookie: (session ?? '').split(';')[0] ?? '' } });
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain('victor · viewer');
  });

  it('marks the cookie Secure behind a proxy that ended TLS', async () => {
    const page = await harness.host.app.request('http://refunds.internal/console', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(page.headers.get('set-cookie')).toMatch(/Secure/);
    const plain = await harness.host.app.request('http://refunds.internal/console');
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('refuses a wrong key with the sign-in page, and a sign-in post without its token', async () => {
    const form = await signInForm();
    const wrong = await postSignIn(
      { csrf: form.token, apiKey: 'not-a-key-of-this-host-at-all' },
      form.cookie,
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That is not one of this host');
    const forged = await postSignIn({ apiKey: viewer.secret }, form.cookie);
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie') ?? '').not.toContain('refunds_console=');
  });

  it('never sends a person elsewhere after signing in', async () => {
    const form = await signInForm();
    const signedIn = await postSignIn(
      { csrf: form.token, apiKey: viewer.secret, next: 'https://evil.example/console' },
      form.cookie,
    );
    expect(signedIn.headers.get('location')).toBe('/console');
  });

  it('answers a page it does not have with 404, and a refund it does not have too', async () => {
    const headers = { authorization: `Bearer ${viewer.secret}` };
    expect((await request('/console/nowhere', { headers })).status).toBe(404);
    expect((await request('/console/refunds/no-such-refund', { headers })).status).toBe(404);
    expect((await request('/console/refunds/%00', { headers })).status).toBe(404);
    const search = await request(`/console/search?q=${encodeURIComponent('no such order')}`, { headers });
    expect(search.status).toBe(200);
    expect(await search.text()).toContain('No refund has the id or order id');
  });

  it('leaves the API as it was: JSON and its own key check', async () => {
    const api = await request('/v1/refunds');
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });
});
