import type { RefundRequest } from '@refunds/core';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { RefundState } from '../ledger/ledger';
import { refundStates } from '../ledger/refund-states';
import { toRefundView } from '../ledger/to-refund-view';
import { HostError } from '../refunds/host-error';
import { refusalMessage } from '../refunds/refusal-message';
import { syncRefund } from '../refunds/sync-refund';
import { resolveAccount } from '../routing/resolve-account';
import { createRefundBodySchema, listRefundsQuerySchema } from './api-schemas';
import type { AppOptions } from './app-options';
import { readJson } from './read-json';
import { refundIdParameter } from './refund-id-parameter';
import { type AuthenticatedEnv, requireRole } from './require-api-key';
import { validationError } from './validation-error';

/** Creating, reading, listing, counting and syncing refunds. Every key reads; creating and syncing need service. */
export function refundRoutes(options: AppOptions): Hono<AuthenticatedEnv> {
  const { service, ledger, accounts, metrics } = options;
  const routes = new Hono<AuthenticatedEnv>();
  routes.post('/v1/refunds', requireRole('create'), async (context) => {
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
    const { created, refund } = await service.submit(
      route.account,
      request as RefundRequest,
      context.get('apiKey').name,
    );
    metrics.increment('refunds_submitted_total', 'Refund requests by account and result', {
      account: route.account,
      result: created ? refund.state : 'replayed',
    });
    // Refused as invalid, by the adapter or by the provider: recorded, but the caller must see an error.
    if (refund.state === 'failed' && refund.failure?.code === 'invalid_request') {
      return context.json(
        {
          error: {
            code: 'invalid_request',
            message: refusalMessage(refund),
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
    const { limit, createdFrom, createdTo, ...filters } = parsed.output;
    const page = await ledger.listRefunds({
      ...filters,
      ...(createdFrom === undefined ? {} : { createdFrom: new Date(createdFrom) }),
      ...(createdTo === undefined ? {} : { createdTo: new Date(createdTo) }),
      ...(limit ? { limit: Number(limit) } : {}),
    });
    return context.json({ refunds: page.refunds.map(toRefundView), nextCursor: page.nextCursor ?? null });
  });

  // Not under /v1/refunds/: a refund may well be called "counts".
  routes.get('/v1/counts', async (context) => {
    const counts = await ledger.countByStateAndAccount();
    const byState = Object.fromEntries(refundStates.map((state) => [state, 0])) as Record<
      RefundState,
      number
    >;
    for (const line of counts) byState[line.state] += line.count;
    return context.json({ counts, byState });
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

  routes.post('/v1/refunds/:refundId/sync', requireRole('sync'), async (context) => {
    const refund = await syncRefund(
      refundIdParameter(context),
      options.reconcileContext,
      context.get('apiKey').name,
    );
    return context.json(toRefundView(refund));
  });

  return routes;
}
