import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, type TextMapGetter } from '@opentelemetry/api';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { hostTracer } from '../logging/host-tracer';

const headerGetter: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

/**
 * One server span per request, active while the request is handled, so ledger writes and provider calls made
 * for it are its children and its log lines carry its trace id. Named `METHOD /route/:template` (never the
 * concrete path, which holds refund ids); continues a caller's trace from `traceparent` when the operator's SDK
 * registered a propagator.
 */
export function traceRequests(): MiddlewareHandler {
  return async (context, next) => {
    const method = context.req.method;
    const parent = propagation.extract(ROOT_CONTEXT, context.req.raw.headers, headerGetter);
    return hostTracer().startActiveSpan(
      method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } },
      parent,
      async (span) => {
        try {
          await next();
        } finally {
          const route = routeTemplate(context);
          if (route) {
            span.updateName(`${method} ${route}`);
            span.setAttribute('http.route', route);
          }
          const status = context.res.status;
          span.setAttribute('http.response.status_code', status);
          // A 4xx is the caller's mistake, not the server's: only a 5xx marks a server span as failed.
          if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        }
      },
    );
  };
}

/** The route that answers this path and method, even when a middleware answered first (a 401); none for a 404. */
function routeTemplate(context: Context): string | undefined {
  const routes = matchedRoutes(context).filter((route) => route.method !== 'ALL');
  return routes[routes.length - 1]?.path;
}
