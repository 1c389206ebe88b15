import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuses a request body over `maxBytes`. A body that declares its length is judged by the header, without
 * touching the body, so `readBodyText` can still read it straight from the socket; only a body sent without a
 * length (chunked) is counted as it is buffered, by Hono's own limit, before anything reads it.
 */
export function limitBodySize(
  maxBytes: number,
  onError: (context: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  const counted = bodyLimit({ maxSize: maxBytes, onError });
  return async (context, next) => {
    const method = context.req.method;
    // Node's server hands no body to a GET or HEAD handler.
    if (method === 'GET' || method === 'HEAD') return next();
    const length = context.req.header('content-length');
    if (length !== undefined && context.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > maxBytes ? onError(context) : next();
    }
    return counted(context, next);
  };
}
