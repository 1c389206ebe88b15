import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RefundRecord, WebhookEventType, WebhookOutbox } from './ledger';
import type { LedgerDatabase } from './ledger-database';
import { toRefundView } from './to-refund-view';

/** The endpoints subscribed to events of this type (no list: every type). */
export function endpointsHearing(outbox: WebhookOutbox, type: WebhookEventType) {
  return outbox.endpoints.filter((endpoint) => endpoint.events?.includes(type) ?? true);
}

/**
 * Writes one webhook event and a delivery per subscribed endpoint, inside the transaction that changed the
 * refund: the event exists exactly when its change does (and some endpoint hears of its type). The caller holds the refund's row (its UPDATE or
 * INSERT), so the next sequence number read here cannot be taken by a concurrent change of the same refund; the
 * unique (refund_id, sequence) would refuse it if it were.
 */
export async function insertWebhookEvent(
  transaction: Kysely<LedgerDatabase>,
  outbox: WebhookOutbox,
  event: { refund: RefundRecord; type: WebhookEventType; at: number },
): Promise<void> {
  const { refund, type, at } = event;
  const endpoints = endpointsHearing(outbox, type);
  // No endpoint hears of this type: nothing to deliver, so nothing is written (a refund's later events still
  // number on from the last one written).
  if (endpoints.length === 0) return;
  const last = await transaction
    .selectFrom('webhook_events')
    .select((expression) => expression.fn.max('sequence').as('sequence'))
    .where('refund_id', '=', refund.refundId)
    .executeTakeFirst();
  const sequence = Number(last?.sequence ?? 0) + 1;
  const id = `msg_${randomUUID().replaceAll('-', '')}`;
  const payload = JSON.stringify({
    type,
    timestamp: new Date(at).toISOString(),
    sequence,
    data: toRefundView(refund),
  });
  await transaction
    .insertInto('webhook_events')
    .values({ id, refund_id: refund.refundId, type, sequence, payload, created_at: at })
    .execute();
  await transaction
    .insertInto('webhook_deliveries')
    .values(
      endpoints.map((endpoint) => ({
        id: `whd_${randomUUID().replaceAll('-', '')}`,
        event_id: id,
        endpoint_id: endpoint.id,
        state: 'pending' as const,
        next_attempt_at: at,
        give_up_at: at + outbox.giveUpAfterMs,
        lease_owner: null,
        lease_until: null,
        last_status: null,
        last_error: null,
        delivered_at: null,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}
