import { RefundError, type RefundProviderV1, type RefundRequest } from '@refunds/core';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import * as v from 'valibot';
import type { RouteRule } from '../config/host-config';
import type { Ledger } from '../ledger/ledger';
import { applyNotification } from '../refunds/apply-notification';
import { HostError } from '../refunds/host-error';
import type { ReconcileContext } from '../refunds/reconcile-refund';
import type { AccountProvider, RefundService } from '../refunds/refund-service';
import { syncRefund } from '../refunds/sync-refund';
import { resolveAccount } from '../routing/resolve-account';
import { createRefundBodySchema, listRefundsQuerySchema } from './api-schemas';
import { buildOpenApi } from './build-openapi';
import type { Metrics } from './create-metrics';
import { errorResponse } from './error-response';
import { type RateLimitOptions, rateLimit } from './rate-limit';
import { presentedApiKey, requireApiKey } from './require-api-key';
import { toRefundView } from './to-refund-view';

export interface HostAccount extends AccountProvider {
  packageName: string;
}

export interface AppOptions {
  service: RefundService;
  reconcileContext: ReconcileContext;
  ledger: Ledger;
  accounts: ReadonlyMap<string, HostAccount>;
  routes: readonly RouteRule[];
  apiKeys: readonly string[];
  metrics: Metrics;
  logger: Logger;
  version: string;
  /** Request bodies above this are refused before they are parsed. Default 64 KiB. */
  bodyLimitBytes?: number;
  rateLimit?: RateLimitOptions;
}

/** The host's HTTP API. Every route but health, metrics and provider notifications needs an API key. */
export function createApp(options: AppOptions): Hono {
  const { service, ledger, accounts, metrics, logger } = options;
  const app = new Hono();
  const openApi = buildOpenApi(options.version);

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
    bodyLimit({
      maxSize: options.bodyLimitBytes ?? 64 * 1024,
      onError: (context) =>
        errorResponse(
          context,
          413,
          'body_too_large',
          `Request bodies are limited to ${options.bodyLimitBytes ?? 65_536} bytes.`,
        ),
    }),
  );

  app.get('/healthz', (context) => context.json({ status: 'ok' }));
  app.get('/readyz', async (context) => {
    try {
      await ledger.ping();
      return context.json({ status: 'ready' });
    } catch {
      return errorResponse(context, 503, 'not_ready', 'The ledger database does not answer.');
    }
  });
  app.get('/metrics', async (context) => {
    const byState = await ledger.countByState();
    const text = metrics.render([
      {
        name: 'refunds_ledger_refunds',
        help: 'Refunds in the ledger by state',
        values: Object.entries(byState).map(([state, count]) => [{ state }, count]),
      },
      {
        name: 'refunds_in_flight',
        help: 'Provider calls this instance is making',
        values: [[{}, service.inFlight]],
      },
    ]);
    return context.text(text, 200, { 'content-type': 'text/plain; version=0.0.4' });
  });

  app.post('/v1/notifications/:account', async (context) => {
    const account = context.req.param('account');
    const provider = accounts.get(account)?.provider;
    if (!provider?.verifyNotification) {
      return errorResponse(
        context,
        404,
        'no_notifications',
        `Account "${account}" does not receive notifications.`,
      );
    }
    let notification: Awaited<ReturnType<NonNullable<RefundProviderV1['verifyNotification']>>>;
    try {
      notification = await provider.verifyNotification({
        body: new Uint8Array(await context.req.arrayBuffer()),
        headers: context.req.raw.headers,
      });
    } catch (error) {
      const code = RefundError.isInstance(error) ? error.code : 'invalid_notification';
      metrics.increment('refunds_notifications_total', 'Provider notifications by result', {
        account,
        result: code,
      });
      // A verified notification about something that is not a refund (CoinCorner also calls for payments) is
      // acknowledged, or the provider would keep resending it.
      if (code === 'not_found') return context.body(null, 200);
      const status = code === 'signature_invalid' || code === 'authentication' ? 401 : 400;
      return errorResponse(context, status, code, 'The notification could not be verified.');
    }
    if (notification.kind === 'ignored') {
      // Verified, but about something other than a refund: acknowledged so the provider stops resending it.
      metrics.increment('refunds_notifications_total', 'Provider notifications by result', {
        account,
        result: 'ignored',
      });
      logger.info({ account, reason: notification.reason }, 'notification ignored');
      const { acknowledgement } = notification;
      return context.body(acknowledgement.body, acknowledgement.status as 200, acknowledgement.headers);
    }
    const outcome = await applyNotification(ledger, account, notification);
    metrics.increment('refunds_notifications_total', 'Provider notifications by result', {
      account,
      result: outcome.kind,
    });
    logger.info({ account, notificationId: notification.notificationId, outcome }, 'notification');
    const { acknowledgement } = notification;
    return context.body(acknowledgement.body, acknowledgement.status as 200, acknowledgement.headers);
  });

  const authenticated = new Hono();
  authenticated.use('*', requireApiKey(options.apiKeys));
  authenticated.use(
    '*',
    // By the key itself, not the raw header: extra spaces after "Bearer" must not buy a fresh bucket.
    rateLimit(options.rateLimit ?? { perSecond: 200, burst: 400 }, presentedApiKey),
  );

  authenticated.get('/openapi.json', (context) => context.json(openApi));

  authenticated.get('/v1/accounts', (context) =>
    context.json({
      accounts: [...accounts].map(([id, account]) => ({
        id,
        provider: account.provider.provider,
        package: account.packageName,
        capabilities: account.provider.capabilities,
      })),
    }),
  );

  authenticated.post('/v1/refunds', async (context) => {
    const body = await readJson(context);
    const parsed = v.safeParse(createRefundBodySchema, body);
    if (!parsed.success) throw validationError(parsed.issues);
    const { account: requestedAccount, ...request } = parsed.output;
    const route = resolveAccount(
      { account: requestedAccount, orderId: request.orderId, currency: request.amount.currency },
      { accounts, routes: options.routes },
    );
    if ('problem' in route) {
      throw new HostError(422, route.problem.code, route.problem.message, route.problem.field);
    }
    const { created, refund } = await service.submit(route.account, request as RefundRequest);
    metrics.increment('refunds_submitted_total', 'Refund requests by account and result', {
      account: route.account,
      result: created ? refund.state : 'replayed',
    });
    // Refused by the provider adapter before anything was sent: recorded, but the caller must see an error.
    if (refund.state === 'failed' && refund.failure?.code === 'invalid_request') {
      return context.json(
        {
          error: {
            code: 'invalid_request',
            message: `${refund.failure.message}. The refund was not sent; it is recorded as failed, so send the corrected refund with a new refundId.`,
          },
          refund: toRefundView(refund),
        },
        422,
      );
    }
    const status = created ? 201 : refund.state === 'sending' ? 202 : 200;
    return context.json(toRefundView(refund), status);
  });

  authenticated.get('/v1/refunds', async (context) => {
    const parsed = v.safeParse(listRefundsQuerySchema, context.req.query());
    if (!parsed.success) throw validationError(parsed.issues);
    const { limit, ...filters } = parsed.output;
    const page = await ledger.listRefunds({ ...filters, ...(limit ? { limit: Number(limit) } : {}) });
    return context.json({ refunds: page.refunds.map(toRefundView), nextCursor: page.nextCursor ?? null });
  });

  authenticated.get('/v1/refunds/:refundId', async (context) => {
    const refundId = refundIdParameter(context);
    const refund = await ledger.getRefund(refundId);
    if (!refund) throw new HostError(404, 'refund_not_found', `No refund with id ${refundId}.`);
    return context.json(toRefundView(refund));
  });

  authenticated.get('/v1/refunds/:refundId/events', async (context) => {
    const refundId = refundIdParameter(context);
    if (!(await ledger.getRefund(refundId)))
      throw new HostError(404, 'refund_not_found', `No refund with id ${refundId}.`);
    const events = await ledger.events(refundId);
    return context.json({ events: events.map((event) => ({ ...event, at: event.at.toISOString() })) });
  });

  authenticated.post('/v1/refunds/:refundId/sync', async (context) => {
    const refund = await syncRefund(refundIdParameter(context), options.reconcileContext);
    return context.json(toRefundView(refund));
  });

  app.route('/', authenticated);

  app.notFound((context) =>
    errorResponse(context, 404, 'not_found', `No route ${context.req.method} ${context.req.path}.`),
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

/**
 * The refund id in the path. Refund ids are printable ASCII (the create schema says so), so any other is a
 * refund that cannot exist: answered 404 here, before it reaches a database (PostgreSQL refuses a NUL in text).
 */
function refundIdParameter(context: Context): string {
  const refundId = context.req.param('refundId') ?? '';
  if (!/^[\x21-\x7e]{1,64}$/.test(refundId)) {
    throw new HostError(404, 'refund_not_found', `No refund with id ${JSON.stringify(refundId)}.`);
  }
  return refundId;
}

async function readJson(context: Context): Promise<unknown> {
  const contentType = context.req.header('content-type') ?? '';
  if (!contentType.toLowerCase().includes('application/json')) {
    throw new HostError(
      400,
      'unsupported_media_type',
      'Send the body as JSON with "Content-Type: application/json".',
    );
  }
  const text = await context.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HostError(
      400,
      'invalid_json',
      `The body is not valid JSON: ${error instanceof Error ? error.message : 'parse error'}.`,
    );
  }
}

function validationError(issues: readonly v.BaseIssue<unknown>[]): HostError {
  const describe = (issue: v.BaseIssue<unknown>) => {
    const path = issue.path?.map((item) => String(item.key)).join('.');
    // valibot names unknown keys of a strict object in `issue.path` too; say what is wrong with them.
    const message =
      issue.kind === 'schema' && issue.type === 'strict_object' ? 'is not a known field' : issue.message;
    return { field: path || undefined, text: `${path || 'body'}: ${message}` };
  };
  const described = issues.map(describe);
  return new HostError(
    422,
    'invalid_request',
    described.map((item) => item.text).join('; '),
    described[0]?.field,
  );
}
