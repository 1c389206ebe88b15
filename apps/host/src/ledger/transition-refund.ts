import type { Selectable } from 'kysely';
import { moveRefundCount } from './adjust-refund-counts';
import { deleteOrderLock } from './delete-order-lock';
import { guardedUpdate, guardedUpdateTerms } from './guarded-update';
import { insertEvent } from './insert-event';
import { insertWebhookEvent } from './insert-webhook-event';
import type { FailureOutcome, RefundPatch, RefundRecord, RefundState, WebhookOutbox } from './ledger';
import type { RefundsTable } from './ledger-database';
import type { LedgerStore } from './ledger-store';
import { prepareQuery } from './prepare-query';
import { toRefundRecord } from './to-refund-record';
import { canTransitionInOneStatement, transitionInOneStatement } from './transition-in-one-statement';
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

const guardedUpdateReturningRefund = prepareQuery<Record<string, unknown>, Selectable<RefundsTable>>(
  (database, parameter, first) => guardedUpdate(database, parameter, first).returningAll(),
);

/**
 * Applies a guarded change (see guardedUpdate) with its event, the webhook outbox rows, the kept counts and the
 * order lock's release in one write: on PostgreSQL one statement where it can be (transitionInOneStatement),
 * otherwise one transaction.
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
  const now = Date.now();
  if (store.writeOneStatement !== undefined && canTransitionInOneStatement(outbox, change)) {
    return transitionInOneStatement(store.writeOneStatement, refundId, change, now);
  }
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
    const { shape, parameters } = guardedUpdateTerms(refundId, change, now);
    const [updated] = (await guardedUpdateReturningRefund(transaction, parameters, shape)).rows;
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
      await moveRefundCount(transaction, { account: refund.account, from: previous.state, to: refund.state });
    }
    return refund;
  });
}
