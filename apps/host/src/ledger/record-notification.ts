import type { Kysely } from 'kysely';
import type { LedgerDatabase } from './ledger-database';
import { toJsonText } from './to-json-text';

/** Insert-or-nothing on (account, notification id): a duplicate, even a concurrent one, gets no row back. */
export async function recordNotification(
  transaction: Kysely<LedgerDatabase>,
  notification: { account: string; notificationId: string; data: unknown },
): Promise<boolean> {
  const inserted = await transaction
    .insertInto('notifications')
    .values({
      account: notification.account,
      notification_id: notification.notificationId,
      received_at: Date.now(),
      data: toJsonText(notification.data),
    })
    .onConflict((conflict) => conflict.columns(['account', 'notification_id']).doNothing())
    .returning('notification_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
