import type { RefundRequest } from '@refunds/core';
import { Hono } from 'hono';
import * as v from 'valibot';
import { HostError } from '../refunds/host-error';
import { syncRefund } from '../refunds/sync-refund';
import { resolveAccount } from '../routing/resolve-account';
import { createRefundBodySchema, listRefundsQuerySchema } from './api-schemas';
import type { AppOptions } from './create-app';
import { readJson } from './read-json';
import { refundIdParameter } from './refund-id-parameter';
import { toRefundView } from './to-refund-view';
import { validationError } from './validation-error';

/** Creating, reading, listing and syncing refunds. */
export function refundRoutes(options: AppOptions): Hono {
  const { service, ledger, accounts, metrics } = options;
  const routes = new Hono();
  routes.post('/v1/refunds', async (context) => {
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

  routes.get('/v1/refunds', async (context) => {
    const parsed = v.safeParse(listRefundsQuerySchema, context.req.query());
    if (!parsed.success) throw validationError(parsed.issues);
    const { limit, ...filters } = parsed.output;
    const page = await ledger.listRefunds({ ...filters, ...(limit ? { limit: Number(limit) } : {}) });
    return context.json({ refunds: page.refunds.map(toRefundView), nextCursor: page.nextCursor ?? null });
  });

  routes.get('/v1/refunds/:refundId', async (context) => {
    const refundId = refundIdParameter(context);
    const refund = await ledger.getRefund(refundId);
    if (!refund) throw new HostError(404, 'refund_not_found', `No refund with id ${refundId}.`);
    return context.json(toRefundView(refund));
  });

  routes.get('/v1/refunds/:refundId/events', async (context) => {
    const refundId = refundIdParameter(context);
    if (!(await ledger.getRefund(refundId)))
      throw new HostError(404, 'refund_not_found', `No refund with id ${refundId}.`);
    const events = await ledger.events(refundId);
    return context.json({ events: events.map((event) => ({ ...event, at: event.at.toISOString() })) });
  });

  routes.post('/v1/refunds/:refundId/sync', async (context) => {
    const refund = await syncRefund(refundIdParameter(context), options.reconcileContext);
    return context.json(toRefundView(refund));
  });

  return routes;
}
