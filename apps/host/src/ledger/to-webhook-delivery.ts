import type { Selectable } from 'kysely';
import type { WebhookDelivery, WebhookEventType } from './ledger';
import type { WebhookDeliveriesTable, WebhookEventsTable } from './ledger-database';
import { toDate } from './to-date';

export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable> &
  Pick<Selectable<WebhookEventsTable>, 'refund_id' | 'type' | 'sequence'>;

/** A delivery row joined with its event's refund, type and sequence, as the ledger hands it out. */
export function toWebhookDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    endpointId: row.endpoint_id,
    refundId: row.refund_id,
    type: row.type as WebhookEventType,
    sequence: Number(row.sequence),
    state: row.state,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at === null ? undefined : toDate(row.next_attempt_at),
    giveUpAt: toDate(row.give_up_at),
    lastStatus: row.last_status ?? undefined,
    lastError: row.last_error ?? undefined,
    deliveredAt: row.delivered_at === null ? undefined : toDate(row.delivered_at),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}
