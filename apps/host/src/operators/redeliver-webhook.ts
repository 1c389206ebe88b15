import type { Ledger, WebhookDelivery } from '../ledger/ledger';

/** Delivery ids are `whd_` and 32 hex digits; anything else names no delivery. */
const deliveryIdPattern = /^whd_[0-9a-f]{32}$/;

/**
 * A person asks for a webhook to be posted again now (the receiver lost what it accepted, or its outage
 * outlasted the retries). Recorded in the refund's history with who asked. Undefined when there is no such
 * delivery, or, with `refundId`, none of that refund.
 */
export async function redeliverWebhook(
  ledger: Pick<Ledger, 'webhookDeliveries' | 'redeliverWebhook' | 'appendEvent'>,
  request: { deliveryId: string; actor: string; refundId?: string },
): Promise<WebhookDelivery | undefined> {
  const { deliveryId, actor, refundId } = request;
  if (!deliveryIdPattern.test(deliveryId)) return undefined;
  if (refundId !== undefined) {
    const deliveries = await ledger.webhookDeliveries(refundId);
    if (!deliveries.some((delivery) => delivery.id === deliveryId)) return undefined;
  }
  const delivery = await ledger.redeliverWebhook(deliveryId, { now: new Date() });
  if (delivery === undefined) return undefined;
  await ledger.appendEvent(delivery.refundId, 'webhook_redelivery_requested', {
    actor,
    deliveryId: delivery.id,
    webhookId: delivery.eventId,
    endpointId: delivery.endpointId,
  });
  return delivery;
}
