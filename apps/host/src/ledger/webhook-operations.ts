import type { Kysely } from 'kysely';
import type { Ledger, WebhookAttempt, WebhookOutbox } from './ledger';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerStore } from './ledger-store';
import { toDate } from './to-date';
import { toMilliseconds } from './to-milliseconds';
import { toWebhookDelivery } from './to-webhook-delivery';

/** However many a worker asks for, one claim stays a short transaction. */
const maximumClaim = 100;

type WebhookOperations = Pick<
  Ledger,
  | 'claimWebhookDeliveries'
  | 'recordWebhookAttempt'
  | 'webhookDeliveries'
  | 'webhookEvents'
  | 'redeliverWebhook'
  | 'oldestUndeliveredWebhooks'
>;

/** Deliveries with their event's refund, type and sequence. */
function deliveries(database: Kysely<LedgerDatabase>) {
  return database
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_events', 'webhook_events.id', 'webhook_deliveries.event_id')
    .selectAll('webhook_deliveries')
    .select(['webhook_events.refund_id', 'webhook_events.type', 'webhook_events.sequence']);
}

/** One delivery as the ledger hands it out, read in the caller's transaction. */
async function deliveryById(transaction: Kysely<LedgerDatabase>, deliveryId: string) {
  return toWebhookDelivery(
    await deliveries(transaction).where('webhook_deliveries.id', '=', deliveryId).executeTakeFirstOrThrow(),
  );
}

/** The outbox's side of the ledger: what the delivery worker, the API and /metrics ask of it. */
export function webhookOperations(store: LedgerStore, outbox: WebhookOutbox): WebhookOperations {
  return {
    async claimWebhookDeliveries(owner, options) {
      const now = toMilliseconds(options.now, 'now');
      if (!Number.isSafeInteger(options.leaseMs) || options.leaseMs <= 0) {
        throw new TypeError(`leaseMs must be a positive integer, got ${String(options.leaseMs)}`);
      }
      const limit = Math.min(maximumClaim, Math.max(0, Math.trunc(options.limit) || 0));
      if (limit === 0 || options.endpoints.length === 0) return [];
      return store.write(async (transaction) => {
        // As claimDue: PostgreSQL skips rows another claimer has locked, and re-checks a row claimed since its
        // snapshot against the new lease; SQLite runs the claim under its write lock. A live lease is never
        // taken over, so no delivery is attempted by two instances at once.
        let candidates = transaction
          .selectFrom('webhook_deliveries')
          .select('id')
          .where('state', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .where('endpoint_id', 'in', [...options.endpoints])
          .where((expression) =>
            expression.or([expression('lease_until', 'is', null), expression('lease_until', '<', now)]),
          )
          .orderBy('next_attempt_at')
          .limit(limit);
        if (store.dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
        const claimed = await transaction
          .updateTable('webhook_deliveries')
          .set({ lease_owner: owner, lease_until: now + options.leaseMs, updated_at: now })
          .where('id', 'in', candidates)
          .returning('id')
          .execute();
        if (claimed.length === 0) return [];
        const rows = await deliveries(transaction)
          .select('webhook_events.payload')
          .where(
            'webhook_deliveries.id',
            'in',
            claimed.map((row) => row.id),
          )
          .orderBy('webhook_deliveries.next_attempt_at')
          .execute();
        return rows.map((row) => ({ ...toWebhookDelivery(row), payload: row.payload }));
      });
    },

    recordWebhookAttempt(deliveryId, owner, attempt, next) {
      const startedAt = toMilliseconds(attempt.startedAt, 'startedAt');
      return store.write(async (transaction) => {
        // The attempt happened whoever holds the lease now: it is evidence either way.
        await transaction
          .insertInto('webhook_attempts')
          .values({
            delivery_id: deliveryId,
            started_at: startedAt,
            latency_ms: Math.max(0, Math.round(attempt.latencyMs)),
            status: attempt.status ?? null,
            error: attempt.error ?? null,
            response_excerpt: attempt.responseExcerpt ?? null,
            instance: attempt.instance,
          })
          .execute();
        const now = Date.now();
        const moved = await transaction
          .updateTable('webhook_deliveries')
          .set((expression) => ({
            state: next.state,
            attempts: expression('attempts', '+', 1),
            next_attempt_at:
              next.state === 'pending' ? toMilliseconds(next.nextAttemptAt, 'nextAttemptAt') : null,
            delivered_at: next.state === 'delivered' ? now : null,
            last_status: attempt.status ?? null,
            last_error: attempt.error ?? null,
            lease_owner: null,
            lease_until: null,
            updated_at: now,
          }))
          .where('id', '=', deliveryId)
          .where('lease_owner', '=', owner)
          .returning('id')
          .executeTakeFirst();
        return moved === undefined ? undefined : deliveryById(transaction, deliveryId);
      });
    },

    async webhookDeliveries(refundId) {
      const rows = await deliveries(store.database)
        .where('webhook_events.refund_id', '=', refundId)
        .orderBy('webhook_events.sequence')
        .orderBy('webhook_deliveries.endpoint_id')
        .execute();
      if (rows.length === 0) return [];
      const attempts = await store.database
        .selectFrom('webhook_attempts')
        .selectAll()
        .where(
          'delivery_id',
          'in',
          rows.map((row) => row.id),
        )
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        ...toWebhookDelivery(row),
        attemptLog: attempts
          .filter((attempt) => attempt.delivery_id === row.id)
          .map(
            (attempt): WebhookAttempt => ({
              startedAt: toDate(attempt.started_at),
              latencyMs: Number(attempt.latency_ms),
              status: attempt.status ?? undefined,
              error: attempt.error ?? undefined,
              responseExcerpt: attempt.response_excerpt ?? undefined,
              instance: attempt.instance,
            }),
          ),
      }));
    },

    async webhookEvents(refundId) {
      const rows = await store.database
        .selectFrom('webhook_events')
        .selectAll()
        .where('refund_id', '=', refundId)
        .orderBy('sequence')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        type: row.type as never,
        sequence: Number(row.sequence),
        payload: row.payload,
        createdAt: toDate(row.created_at),
      }));
    },

    redeliverWebhook(deliveryId, options) {
      const now = toMilliseconds(options.now, 'now');
      const giveUpAt = now + outbox.giveUpAfterMs;
      return store.write(async (transaction) => {
        // The lease is left alone, so no second instance posts while an attempt is in flight; that attempt's
        // outcome then stands for the redelivery (delivered, or retried from now on).
        const moved = await transaction
          .updateTable('webhook_deliveries')
          .set({
            state: 'pending',
            next_attempt_at: now,
            give_up_at: giveUpAt,
            delivered_at: null,
            updated_at: now,
          })
          .where('id', '=', deliveryId)
          .returning('id')
          .executeTakeFirst();
        return moved === undefined ? undefined : deliveryById(transaction, deliveryId);
      });
    },

    async oldestUndeliveredWebhooks() {
      const rows = await store.database
        .selectFrom('webhook_deliveries')
        .select(['endpoint_id', (expression) => expression.fn.min('created_at').as('created_at')])
        .where('state', '=', 'pending')
        .groupBy('endpoint_id')
        .execute();
      return rows.map((row) => ({
        endpointId: row.endpoint_id,
        createdAt: toDate(row.created_at as number),
      }));
    },
  };
}
