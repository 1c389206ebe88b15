import type { WebhookAttempt, WebhookDelivery } from '../ledger/ledger';

/** What the API and the console show of one webhook delivery and, when listed, its attempts. */
export function toWebhookDeliveryView(
  delivery: WebhookDelivery & { attemptLog?: readonly WebhookAttempt[] },
) {
  return {
    id: delivery.id,
    webhookId: delivery.eventId,
    endpointId: delivery.endpointId,
    refundId: delivery.refundId,
    type: delivery.type,
    sequence: delivery.sequence,
    state: delivery.state,
    attempts: delivery.attempts,
    ...(delivery.nextAttemptAt ? { nextAttemptAt: delivery.nextAttemptAt.toISOString() } : {}),
    giveUpAt: delivery.giveUpAt.toISOString(),
    ...(delivery.lastStatus === undefined ? {} : { lastStatus: delivery.lastStatus }),
    ...(delivery.lastError === undefined ? {} : { lastError: delivery.lastError }),
    ...(delivery.deliveredAt ? { deliveredAt: delivery.deliveredAt.toISOString() } : {}),
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
    ...(delivery.attemptLog === undefined
      ? {}
      : {
          attemptLog: delivery.attemptLog.map((attempt) => ({
            startedAt: attempt.startedAt.toISOString(),
            latencyMs: attempt.latencyMs,
            ...(attempt.status === undefined ? {} : { status: attempt.status }),
            ...(attempt.error === undefined ? {} : { error: attempt.error }),
            ...(attempt.responseExcerpt === undefined ? {} : { responseExcerpt: attempt.responseExcerpt }),
            instance: attempt.instance,
          })),
        }),
  };
}
