import type { Kysely } from 'kysely';
import type { LedgerDatabase } from './ledger-database';
import { prepareQuery } from './prepare-query';
import { toJsonText } from './to-json-text';

const insertEventQuery = prepareQuery<
  { refundId: string; type: string; at: number; data: string | null },
  never
>((database, parameter) =>
  database.insertInto('refund_events').values({
    refund_id: parameter('refundId'),
    type: parameter('type'),
    at: parameter('at'),
    data: parameter('data'),
  }),
);

/** Appends one event; refund_events is never updated or deleted (the database refuses both). */
export async function insertEvent(
  transaction: Kysely<LedgerDatabase>,
  event: { refundId: string; type: string; data: unknown; at: number },
): Promise<void> {
  await insertEventQuery(transaction, { ...event, data: toJsonText(event.data) });
}
