import { fromJsonText } from './from-json-text';
import { insertEvent } from './insert-event';
import type { LedgerTransaction, RefundEvent, WebhookOutbox } from './ledger';
import type { LedgerStore } from './ledger-store';
import { toDate } from './to-date';
import { toRefundRecord } from './to-refund-record';
import { transitionRefund } from './transition-refund';

/**
 * Reads and guarded writes of refunds on a store: the ledger's own, or one inside an open transaction. Changes
 * of state write their webhook events to `outbox` in the same transaction.
 */
export function refundOperations(store: LedgerStore, outbox: WebhookOutbox): LedgerTransaction {
  return {
    async getRefund(refundId) {
      const row = await store.database
        .selectFrom('refunds')
        .selectAll()
        .where('refund_id', '=', refundId)
        .executeTakeFirst();
      return row === undefined ? undefined : toRefundRecord(row);
    },
    async refundsOfOrder(account, orderId) {
      const rows = await store.database
        .selectFrom('refunds')
        .selectAll()
        .where('account', '=', account)
        .where('order_id', '=', orderId)
        .orderBy('created_at', 'desc')
        .orderBy('refund_id', 'desc')
        .execute();
      return rows.map(toRefundRecord);
    },
    transition: (refundId, change) => transitionRefund(store, outbox, refundId, change),
    async appendEvent(refundId, type, data) {
      const at = Date.now();
      await store.write(async (transaction) => {
        const refund = await transaction
          .selectFrom('refunds')
          .select('refund_id')
          .where('refund_id', '=', refundId)
          .executeTakeFirst();
        // The foreign key would refuse it too, with a message naming no refund.
        if (refund === undefined) throw new Error(`No refund ${refundId} to append a ${type} event to`);
        await insertEvent(transaction, { refundId, type, data, at });
      });
    },
    async events(refundId) {
      const rows = await store.database
        .selectFrom('refund_events')
        .selectAll()
        .where('refund_id', '=', refundId)
        .orderBy('id')
        .execute();
      return rows.map(
        (row): RefundEvent => ({
          id: String(row.id),
          refundId: row.refund_id,
          type: row.type,
          at: toDate(row.at),
          data: fromJsonText(row.data),
        }),
      );
    },
  };
}
