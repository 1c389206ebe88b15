import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { NamedApiKey } from '../http/api-keys';
import { consoleAuthentication, sessionCookieName } from './console-authentication';
import { consoleCsrf, signInCookieName } from './console-csrf';
import type { ConsoleEnv } from './console-env';
import { createSessionToken, csrfTokenOf } from './console-session';
import { createRevokedSessions } from './create-revoked-sessions';

const operator: NamedApiKey = { name: 'alice', secret: 'operator-secret-0123456789abcdef', role: 'operator' };
const origin = 'http://console.test';

function consoleApp() {
  const revoked = createRevokedSessions();
  const app = new Hono<ConsoleEnv>();
  app.use('*', consoleAuthentication([operator], revoked));
  app.use(
    '*',
    consoleCsrf('/sign-in', (context) => context.text('refused', 403)),
  );
  app.post('/sign-in', (context) => context.text('signing in'));
  app.on(['GET', 'POST'], '/act', (context) =>
    context.text(`acted as ${context.get('user')?.key.name ?? 'nobody'}`),
  );
  return { app, revoked };
}

function post(
  app: Hono<ConsoleEnv>,
  path: string,
  options: { fields?: Record<string, string>; cookie?: string; headers?: Record<string, string> },
) {
  return app.request(`${origin}${path}`, {
    method: 'POST',
    headers: {
      origin,
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: new URLSearchParams(options.fields ?? {}).toString(),
  });
}

async function answer(response: Response | Promise<Response>) {
  const settled = await response;
  return { status: settled.status, text: await settled.text() };
}

describe('console CSRF protection', () => {
  const { token, session } = createSessionToken(operator);
  const cookie = `${sessionCookieName}=${token}`;

  it('lets a same-origin form carrying its session token through', async () => {
    const { app } = consoleApp();
    expect(await answer(post(app, '/act', { cookie, fields: { csrf: csrfTokenOf(session) } }))).toEqual({
      status: 200,
      text: 'acted as alice',
    });
  });

  it('refuses a form without its token, or with another session’s', async () => {
    const { app } = consoleApp();
    const other = createSessionToken(operator).session;
    expect((await post(app, '/act', { cookie })).status).toBe(403);
    expect((await post(app, '/act', { cookie, fields: { csrf: '' } })).status).toBe(403);
    expect((await post(app, '/act', { cookie, fields: { csrf: csrfTokenOf(other) } })).status).toBe(403);
  });

  it('refuses a form from another origin even with the right token', async () => {
    const { app } = consoleApp();
    const fields = { csrf: csrfTokenOf(session) };
    const forged = post(app, '/act', { cookie, fields, headers: { origin: 'https://evil.example' } });
    expect((await forged).status).toBe(403);
    const crossSite = post(app, '/act', {
      cookie,
      fields,
      headers: { origin: 'null', 'sec-fetch-site': 'cross-site' },
    });
    expect((await crossSite).status).toBe(403);
  });

  it('lets a bearer request through without a token: no browser adds that header to a forged post', async () => {
    const { app } = consoleApp();
    const response = post(app, '/act', {
      headers: { authorization: `Bearer ${operator.secret}`, origin: 'https://elsewhere.example' },
    });
    expect(await answer(response)).toEqual({ status: 200, text: 'acted as alice' });
  });

  it('never lets a cookie stand in for a wrong bearer key', async () => {
    const { app } = consoleApp();
    const response = post(app, '/act', {
      cookie,
      fields: { csrf: csrfTokenOf(session) },
      headers: { authorization: 'Bearer not-the-key' },
    });
    expect(await answer(response)).toEqual({ status: 200, text: 'acted as nobody' });
  });

  it('ends a signed-out session', async () => {
    const { app, revoked } = consoleApp();
    revoked.revoke(session);
    expect(await answer(app.request(`${origin}/act`, { headers: { cookie } }))).toEqual({
      status: 200,
      text: 'acted as nobody',
    });
  });

  it('checks the sign-in form against the token in its own cookie', async () => {
    const { app } = consoleApp();
    const signInToken = 'sign-in-token-0123456789abcdef';
    const signInCookie = `${signInCookieName}=${signInToken}`;
    expect(
      (await post(app, '/sign-in', { cookie: signInCookie, fields: { csrf: signInToken } })).status,
    ).toBe(200);
    expect((await post(app, '/sign-in', { fields: { csrf: signInToken } })).status).toBe(403);
    expect((await post(app, '/sign-in', { cookie: signInCookie, fields: { csrf: 'guess' } })).status).toBe(
      403,
    );
    expect(
      (await post(app, '/sign-in', { cookie: `${signInCookieName}=`, fields: { csrf: '' } })).status,
    ).toBe(403);
  });
});
