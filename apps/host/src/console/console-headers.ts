import type { MiddlewareHandler } from 'hono';

/**
 * The console runs no script and loads nothing from elsewhere, so the policy forbids both: an injected tag could
 * neither run nor phone home. Pages hold refund data, so no cache keeps them and no frame shows them.
 */
export const consoleHeaders: MiddlewareHandler = async (context, next) => {
  await next();
  context.header(
    'content-security-policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  context.header('x-frame-options', 'DENY');
  context.header('x-content-type-options', 'nosniff');
  context.header('referrer-policy', 'no-referrer');
  context.header('cache-control', 'no-store');
};
