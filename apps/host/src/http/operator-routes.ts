import { Hono } from 'hono';
import * as v from 'valibot';
import { toRefundView } from '../ledger/to-refund-view';
import { resendRefund } from '../operators/resend-refund';
import { resolveRefund } from '../operators/resolve-refund';
import { resendRefundBodySchema, resolveRefundBodySchema } from './api-schemas';
import type { AppOptions } from './app-options';
import { readJson } from './read-json';
import { refundIdParameter } from './refund-id-parameter';
import { type AuthenticatedEnv, requireRole } from './require-api-key';
import { validationError } from './validation-error';

/**
 * What a person does about a refund in `needs_attention`: resolve it with what they established, or have it
 * sent again when the provider shows no such refund. Operator keys only; the key's name is the actor recorded.
 */
export function operatorRoutes(options: AppOptions): Hono<AuthenticatedEnv> {
  const { ledger, metrics } = options;
  const routes = new Hono<AuthenticatedEnv>();

  routes.post('/v1/refunds/:refundId/resolve', requireRole('resolve'), async (context) => {
    const refundId = refundIdParameter(context);
    const parsed = v.safeParse(resolveRefundBodySchema, await readJson(context));
    if (!parsed.success) throw validationError(parsed.issues);
    const refund = await resolveRefund(ledger, {
      refundId,
      ...parsed.output,
      actor: context.get('apiKey').name,
    });
    metrics.increment('refunds_operator_actions_total', 'Operator actions by kind and result', {
      action: 'resolve',
      result: refund.state,
    });
    return context.json(toRefundView(refund));
  });

  routes.post('/v1/refunds/:refundId/resend', requireRole('resend'), async (context) => {
    const refundId = refundIdParameter(context);
    const parsed = v.safeParse(resendRefundBodySchema, await readJson(context));
    if (!parsed.success) throw validationError(parsed.issues);
    const outcome = await resendRefund(options.reconcileContext, {
      refundId,
      reason: parsed.output.reason,
      actor: context.get('apiKey').name,
    });
    metrics.increment('refunds_operator_actions_total', 'Operator actions by kind and result', {
      action: 'resend',
      result: outcome.resent ? 'resent' : 'provider_shows_refund',
    });
    if (outcome.resent) return context.json(toRefundView(outcome.refund));
    return context.json(
      {
        error: {
          code: 'provider_shows_refund',
          message: `The provider shows refund ${refundId}, so it was not sent again; what it showed is recorded in the refund's events. Resolve the refund with it.`,
        },
        providerShows: outcome.evidence,
        refund: toRefundView(outcome.refund),
      },
      409,
    );
  });

  return routes;
}
