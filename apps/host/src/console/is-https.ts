import type { Context } from 'hono';

/**
 * Whether the browser reached the host over https, directly or through a proxy that ended TLS: then cookies are
 * marked Secure. Trusting the proxy's header here can only add the flag, never remove it.
 */
export function isHttps(context: Context): boolean {
  return (
    new URL(context.req.url).protocol === 'https:' ||
    context.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  );
}
