import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { signInCookieName } from './console-csrf';
import type { ConsoleEnv } from './console-env';
import { isHttps } from './is-https';
import { SignInPage } from './sign-in-page';

/**
 * Answers 401 with the sign-in page. The form's token is also set in a cookie of its own (double submit): there
 * is no session yet to derive one from. An existing token is kept, so a second tab does not break the first.
 */
export function showSignIn(context: Context<ConsoleEnv>, problem?: string) {
  const existing = getCookie(context, signInCookieName);
  const token =
    existing && /^[\w-]{24,64}$/.test(existing) ? existing : randomBytes(24).toString('base64url');
  setCookie(context, signInCookieName, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(context),
    path: '/console',
    maxAge: 60 * 60,
  });
  const url = new URL(context.req.url);
  const next = context.req.method === 'GET' ? `${url.pathname}${url.search}` : '/console';
  context.status(401);
  return context.render(<SignInPage csrfToken={token} next={next} problem={problem} />, { title: 'Sign in' });
}
