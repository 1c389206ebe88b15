import * as v from 'valibot';
import { webhookEventTypes } from '../ledger/ledger';

/** An attempt at a delivery, as `GET /v1/refunds/{refundId}/deliveries` lists it. */
const webhookAttemptSchema = v.object({
  startedAt: v.string(),
  latencyMs: v.number(),
  status: v.optional(v.pipe(v.number(), v.description("The receiver's HTTP status; absent when none came"))),
  error: v.optional(v.pipe(v.string(), v.description('Why no answer came: a timeout, a refused connection'))),
  responseExcerpt: v.optional(
    v.pipe(v.string(), v.description("The first 256 bytes of the receiver's answer")),
  ),
  instance: v.pipe(v.string(), v.description('The host instance that made the attempt')),
});

/** One event to one endpoint: `toWebhookDeliveryView`. */
export const webhookDeliverySchema = v.object({
  id: v.string(),
  webhookId: v.pipe(v.string(), v.description('The `webhook-id` header: the same on every attempt')),
  endpointId: v.string(),
  refundId: v.string(),
  type: v.picklist(webhookEventTypes),
  sequence: v.pipe(v.number(), v.description("The event's number among the refund's events: 1, 2, 3, ...")),
  state: v.picklist(['pending', 'delivered', 'abandoned']),
  attempts: v.number(),
  nextAttemptAt: v.optional(v.string()),
  giveUpAt: v.string(),
  lastStatus: v.optional(v.number()),
  lastError: v.optional(v.string()),
  deliveredAt: v.optional(v.string()),
  createdAt: v.string(),
  updatedAt: v.string(),
  attemptLog: v.optional(v.array(webhookAttemptSchema)),
});

export const webhookDeliveriesSchema = v.object({ deliveries: v.array(webhookDeliverySchema) });
