import { RefundError } from '@refunds/core';
import { Hono } from 'hono';
import { consoleRoutes } from '../console/console-routes';
import { HostError } from '../refunds/host-error';
import { accountRoutes } from './account-routes';
import type { AppOptions } from './app-options';
import { clientAddress } from './client-address';
import { docsRoutes } from './docs-routes';
import { errorResponse } from './error-response';
import { defaultFailedAuthenticationBudget, failedAuthenticationLimit } from './failed-authentication-limit';
import { healthRoutes } from './health-routes';
import { limitBodySize } from './limit-body-size';
import { methodNotAllowed } from './method-not-allowed';
import { metricsRoutes } from './metrics-routes';
import { notificationRoutes } from './notification-routes';
import { operatorRoutes } from './operator-routes';
import { quoteInput } from './quote-input';
import { rateLimit } from './rate-limit';
import { refundRoutes } from './refund-routes';
import { type AuthenticatedEnv, presentedApiKey, requireApiKey } from './require-api-key';
import { traceRequests } from './trace-requests';
import { webhookRoutes } from './webhook-routes';

/**
 * The host's HTTP API. Every route but health, the API docs and provider notifications needs an API key, and
 * `/metrics` too unless `metricsPublic`. Requests without a valid key are limited per client address.
 */
export function createApp(options: AppOptions): Hono {
  const { metrics, logger } = options;
  const app = new Hono();
  const failedAuthentications = failedAuthenticationLimit(
    options.failedAuthenticationLimit ?? defaultFailedAuthenticationBudget,
    (context) => clientAddress(context, options.clientAddress),
  );

  // First, so that everything below, the request log line included, runs inside the request's span.
  app.use('*', traceRequests());
  app.use('*', async (context, next) => {
    const started = performance.now();
    await next();
    const route = context.req.routePath;
    metrics.increment('refunds_http_requests_total', 'HTTP requests by route and status', {
      method: context.req.method,
      route,
      status: String(context.res.status),
    });
    logger.info(
      {
        method: context.req.method,
        route,
        status: context.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use(
    '*',
    limitBodySize(options.bodyLimitBytes ?? 64 * 1024, (context) =>
      errorResponse(
        context,
        413,
        'body_too_large',
        `Request bodies are limited to ${options.bodyLimitBytes ?? 65_536} bytes.`,
      ),
    ),
  );
  // Read from the app's routes when the first request comes, by which time every group below is mounted.
  app.use(
    '*',
    methodNotAllowed(() => app.routes),
  );

  app.route('/', healthRoutes(options));
  if (options.metricsPublic) app.route('/', metricsRoutes(options));
  app.route('/', notificationRoutes(options));
  // A wrong key in the sign-in form, or in a script's Authorization header, is a failed authentication; a
  // person merely opening a page without a session is not.
  app.use(
    '/console/*',
    failedAuthentications.middleware(
      (context) =>
        context.req.header('authorization') !== undefined ||
        (context.req.method === 'POST' && context.req.path === '/console/sign-in'),
    ),
  );
  // Before the API's key check: the console answers without a key too (with its sign-in page).
  app.route('/', consoleRoutes(options));
  app.route('/', docsRoutes(options));

  const authenticated = new Hono<AuthenticatedEnv>();
  authenticated.use('*', failedAuthentications.middleware());
  authenticated.use('*', requireApiKey(options.apiKeys));
  authenticated.use(
    '*',
    // By the key itself, not the raw header: extra spaces after "Bearer" must not buy a fresh bucket.
    rateLimit(options.rateLimit ?? { perSecond: 200, burst: 400 }, presentedApiKey),
  );

  if (!options.metricsPublic) authenticated.route('/', metricsRoutes(options));
  authenticated.route('/', accountRoutes(options));
  authenticated.route('/', refundRoutes(options));
  authenticated.route('/', operatorRoutes(options));
  authenticated.route('/', webhookRoutes(options));
  app.route('/', authenticated);

  app.notFound((context) =>
    errorResponse(
      context,
      404,
      'not_found',
      `No route ${context.req.method} ${quoteInput(context.req.path)}; GET /openapi.json lists them.`,
    ),
  );
  app.onError((error, context) => {
    if (error instanceof HostError)
      return errorResponse(context, error.status, error.code, error.message, error.field);
    // The ledger refuses what a client sent (a forged list cursor, say) with the contract's own error.
    if (RefundError.isInstance(error) && error.code === 'invalid_request')
      return errorResponse(context, 422, error.code, error.message, error.field);
    logger.error(
      { error: error instanceof Error ? { name: error.name, message: error.message } : String(error) },
      'unhandled',
    );
    return errorResponse(
      context,
      500,
      'internal',
      'The host failed unexpectedly; the request may not have been recorded.',
    );
  });
  return app;
}
