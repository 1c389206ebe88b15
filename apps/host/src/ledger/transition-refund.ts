import { adjustRefundCounts } from './adjust-refund-counts';
import { deleteOrderLock } from './delete-order-lock';
import { insertEvent } from './insert-event';
import { insertWebhookEvent } from './insert-webhook-event';
import type { FailureOutcome, RefundPatch, RefundRecord, RefundState, WebhookOutbox } from './ledger';
import type { LedgerStore } from './ledger-store';
import { refundPatchColumns } from './refund-patch-columns';
import { toRefundRecord } from './to-refund-record';
import { webhookEventType } from './webhook-event-type';

export interface RefundTransition {
  from: readonly RefundState[];
  leaseOwner?: string;
  failureOutcome?: FailureOutcome;
  patch: RefundPatch;
  event: { type: string; data: unknown };
  /** Releases the refund's order lock held by this owner, in the same write. */
  releaseOrderLock?: { owner: string };
}

/**
 * The guard is part of the UPDATE's WHERE, not a read before it: PostgreSQL re-evaluates it against the latest
 * committed row after waiting for a concurrent writer, and SQLite runs the transaction under its write lock, so
 * of concurrent transitions out of one state exactly one matches a row.
 */
export async function transitionRefund(
  store: LedgerStore,
  outbox: WebhookOutbox,
  refundId: string,
  change: RefundTransition,
): Promise<RefundRecord | undefined> {
  if (change.from.length === 0) {
    // Always a bug in the caller: it could never succeed.
    throw new TypeError('A transition needs at least one state to move from');
  }
  const columns = refundPatchColumns(change.patch);
  const now = Date.now();
  return store.write(async (transaction) => {
    // The state before, for the webhook and the counts a change of state moves. A guard from one state names
    // it (the UPDATE applies only from there); otherwise it is read, locked on PostgreSQL so that a concurrent
    // transition waits here rather than after reading a state about to change.
    let previous: { state: RefundState } | undefined;
    const [only, ...others] = change.from;
    if (change.patch.state !== undefined && only !== undefined && others.length === 0)
      previous = { state: only };
    else if (change.patch.state !== undefined) {
      let read = transaction.selectFrom('refunds').select('state').where('refund_id', '=', refundId);
      if (store.dialect === 'postgres') read = read.forUpdate();
      previous = await read.executeTakeFirst();
    }
    let update = transaction
      .updateTable('refunds')
      .set({ ...columns, updated_at: now })
      .where('refund_id', '=', refundId)
      .where('state', 'in', change.from);
    if (change.leaseOwner !== undefined) {
      // Owner only, not expiry: an expired lease nobody has claimed is still the owner's, and the result it
      // brings back from the provider is the truth. A claimer that took over has changed the owner.
      update = update.where('lease_owner', '=', change.leaseOwner);
    }
    if (change.failureOutcome !== undefined) {
      // Resending a failed refund under its id is safe only while it provably never left: of concurrent resends
      // the first clears the outcome, and the others then match no row.
      update = update.where('failure_outcome', '=', change.failureOutcome);
    }
    const updated = await update.returningAll().executeTakeFirst();
    if (updated === undefined) return undefined;
    await insertEvent(transaction, { refundId, type: change.event.type, data: change.event.data, at: now });
    const refund = toRefundRecord(updated);
    if (change.releaseOrderLock !== undefined) {
      await deleteOrderLock(store, transaction, {
        account: refund.account,
        orderId: refund.orderId,
        owner: change.releaseOrderLock.owner,
      });
    }
    const type = previous && webhookEventType(previous.state, refund.state, change.event.type);
    if (type !== undefined) await insertWebhookEvent(transaction, outbox, { refund, type, at: now });
    if (previous !== undefined && previous.state !== refund.state) {
      await adjustRefundCounts(transaction, [
        { account: refund.account, state: previous.state, delta: -1 },
        { account: refund.account, state: refund.state, delta: 1 },
      ]);
    }
    return refund;
  });
}
