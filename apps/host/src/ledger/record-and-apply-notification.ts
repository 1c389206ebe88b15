import type { LedgerTransaction, WebhookOutbox } from './ledger';
import type { LedgerStore } from './ledger-store';
import { recordNotification } from './record-notification';
import { refundOperations } from './refund-operations';
import { scopedStore } from './scoped-store';

/**
 * The notification's row and what applying it writes commit together or not at all. A concurrent delivery of the
 * same notification waits on the row (PostgreSQL: the uncommitted insert's key; SQLite: the write lock): it is
 * a duplicate if the first commits, and is applied itself if the first rolls back.
 */
export async function recordAndApplyNotification<T>(
  store: LedgerStore,
  outbox: WebhookOutbox,
  notification: { account: string; notificationId: string; data: unknown },
  apply: (ledger: LedgerTransaction) => Promise<T>,
): Promise<{ duplicate: true } | { duplicate: false; result: T }> {
  return store.write(async (transaction) => {
    if (!(await recordNotification(transaction, notification))) return { duplicate: true } as const;
    const scoped = scopedStore(store, transaction);
    try {
      return { duplicate: false, result: await apply(refundOperations(scoped, outbox)) } as const;
    } finally {
      scoped.end();
    }
  });
}
