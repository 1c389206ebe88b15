import type { Kysely } from 'kysely';
import type { LedgerDatabase } from './ledger-database';
import { toJsonText } from './to-json-text';

/** Appends one event; refund_events is never updated or deleted (the database refuses both). */
export async function insertEvent(
  transaction: Kysely<LedgerDatabase>,
  event: { refundId: string; type: string; data: unknown; at: number },
): Promise<void> {
  await transaction
    .insertInto('refund_events')
    .values({ refund_id: event.refundId, type: event.type, at: event.at, data: toJsonText(event.data) })
    .execute();
}
