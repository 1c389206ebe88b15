import { Hono } from 'hono';
import { redeliverWebhook } from '../operators/redeliver-webhook';
import { HostError } from '../refunds/host-error';
import type { AppOptions } from './app-options';
import { quoteInput } from './quote-input';
import { refundIdParameter } from './refund-id-parameter';
import { type AuthenticatedEnv, requireRole } from './require-api-key';
import { toWebhookDeliveryView } from './to-webhook-delivery-view';

/**
 * The webhooks a refund's changes sent, with every attempt, and a redelivery on an operator's word (after a
 * receiver's outage outlasted the retries, or when a receiver lost what it had accepted).
 */
export function webhookRoutes(options: AppOptions): Hono<AuthenticatedEnv> {
  const { ledger, metrics } = options;
  const routes = new Hono<AuthenticatedEnv>();

  routes.get('/v1/refunds/:refundId/deliveries', async (context) => {
    const refundId = refundIdParameter(context);
    if (!(await ledger.getRefund(refundId))) {
      throw new HostError(404, 'refund_not_found', `No refund with id ${quoteInput(refundId)}.`);
    }
    const deliveries = await ledger.webhookDeliveries(refundId);
    return context.json({ deliveries: deliveries.map(toWebhookDeliveryView) });
  });

  routes.post('/v1/webhook-deliveries/:deliveryId/redeliver', requireRole('redeliver'), async (context) => {
    const deliveryId = context.req.param('deliveryId');
    const delivery = await redeliverWebhook(ledger, { deliveryId, actor: context.get('apiKey').name });
    if (delivery === undefined) {
      throw new HostError(
        404,
        'delivery_not_found',
        `No webhook delivery with id ${quoteInput(deliveryId)}.`,
      );
    }
    metrics.increment('refunds_operator_actions_total', 'Operator actions by kind and result', {
      action: 'redeliver',
      result: 'scheduled',
    });
    return context.json(toWebhookDeliveryView(delivery), 202);
  });

  return routes;
}
