import { timingSafeEqual } from '@refunds/core';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { ConsoleEnv } from './console-env';

/** The cookie holding the sign-in form's token, before there is a session to derive one from. */
export const signInCookieName = 'refunds_console_sign_in';

/** The hidden field every console form carries. */
export const csrfFieldName = 'csrf';

/**
 * Two checks on every form post, both required: the browser says the post came from this origin (`hono/csrf`:
 * `Origin` or `Sec-Fetch-Site`), and the form carries the token of the session it was rendered for (or, for
 * the sign-in form, the one in its own cookie). A request with `Authorization: Bearer` needs neither: no browser
 * adds that header to a forged post.
 */
export function consoleCsrf(
  signInPath: string,
  onRefused: (context: Context<ConsoleEnv>) => Response | Promise<Response>,
): MiddlewareHandler<ConsoleEnv> {
  const sameOrigin = csrf();
  return async (context, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(context.req.method)) return next();
    const user = context.get('user');
    if (user && user.session === undefined) return next();
    try {
      await sameOrigin(context, async () => {});
    } catch (error) {
      if (error instanceof HTTPException) return onRefused(context);
      throw error;
    }
    const expected =
      context.req.path === signInPath ? (getCookie(context, signInCookieName) ?? '') : user?.csrfToken;
    // No session: nothing is done, and the route answers with the sign-in page.
    if (expected === undefined) return next();
    const body = await context.req.parseBody();
    const presented = body[csrfFieldName];
    if (typeof presented !== 'string' || expected === '' || !timingSafeEqual(presented, expected)) {
      return onRefused(context);
    }
    return next();
  };
}
