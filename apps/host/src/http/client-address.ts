import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export interface ClientAddressOptions {
  /**
   * How many reverse proxies you run in front of the host, each appending the address it saw to
   * `X-Forwarded-For`. The client is then that many entries from the right of the header: entries further
   * left were written by the client and prove nothing. Default 0: the TCP peer's address, the header ignored.
   */
  trustedProxyCount?: number;
}

/**
 * The address a request came from, for limits kept per client. Without trusted proxies this is the socket's
 * remote address, which a client cannot choose; behind `trustedProxyCount` proxies, the address the outermost
 * of them saw. "unknown" when neither is known (a request handed to `app.fetch` directly, as in tests).
 */
export function clientAddress(context: Context, options: ClientAddressOptions = {}): string {
  const proxies = options.trustedProxyCount ?? 0;
  if (proxies > 0) {
    const forwarded = (context.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const address = forwarded[forwarded.length - proxies];
    if (address) return address;
  }
  try {
    return getConnInfo(context).remote.address ?? 'unknown';
  } catch {
    // No Node server bindings: the app was called without a socket.
    return 'unknown';
  }
}
