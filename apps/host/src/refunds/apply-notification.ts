import type { IgnoredNotification, RefundNotification } from '@refunds/core';
import type { Ledger, LedgerTransaction, RefundRecord, RefundState } from '../ledger/ledger';
import { currencyMismatch } from './currency-mismatch';

export type NotificationOutcome =
  | { kind: 'duplicate' }
  | { kind: 'unknown_refund' }
  | { kind: 'ignored'; refundId: string; state: RefundState }
  | { kind: 'applied'; refundId: string; state: RefundState }
  /** Verified, but not about a refund (a payment, a payout): acknowledged and otherwise left alone. */
  | { kind: 'ignored_notification'; reason: string };

// A notification can only move a refund forward: a late `pending` never undoes a final state, and nothing moves
// a refund out of `succeeded` or `failed` (a late `failed` after `succeeded` would invite a second refund).
const movableTo: Record<'pending' | 'succeeded' | 'failed', readonly RefundState[]> = {
  pending: ['sending', 'unknown'],
  succeeded: ['sending', 'unknown', 'pending', 'needs_attention'],
  failed: ['sending', 'unknown', 'pending', 'needs_attention'],
};

/**
 * Records a verified provider notification once and applies it to the refund it concerns, in one ledger
 * transaction: if applying fails, the notification is not recorded either, so the provider's redelivery is
 * applied instead of being acknowledged as a duplicate.
 */
export async function applyNotification(
  ledger: Ledger,
  account: string,
  notification: RefundNotification | IgnoredNotification,
): Promise<NotificationOutcome> {
  if (notification.kind === 'ignored') return { kind: 'ignored_notification', reason: notification.reason };
  const recorded = await ledger.applyNotification(
    account,
    notification.notificationId,
    {
      refundId: notification.refundId,
      orderId: notification.orderId,
      status: notification.status,
      raw: notification.raw,
    },
    (scoped) => applyToRefund(scoped, account, notification),
  );
  return recorded.duplicate ? { kind: 'duplicate' } : recorded.result;
}

async function applyToRefund(
  ledger: LedgerTransaction,
  account: string,
  notification: RefundNotification,
): Promise<NotificationOutcome> {
  const refund = await findRefund(ledger, account, notification);
  if (!refund) return { kind: 'unknown_refund' };
  const mismatch =
    notification.status === 'failed' ? undefined : currencyMismatch(refund, notification.amount);
  if (mismatch) {
    const handed = await ledger.transition(refund.refundId, {
      from: movableTo.succeeded,
      patch: { state: 'needs_attention', providerStatus: notification.status, nextCheckAt: null },
      event: {
        type: 'needs_attention',
        data: {
          reason: mismatch,
          evidence: { notificationId: notification.notificationId, raw: notification.raw },
        },
      },
    });
    if (handed) return { kind: 'applied', refundId: handed.refundId, state: handed.state };
  }

  const updated = await ledger.transition(refund.refundId, {
    from: movableTo[notification.status],
    patch: {
      state: notification.status,
      providerStatus: notification.status,
      ...(notification.providerRefundId ? { providerRefundId: notification.providerRefundId } : {}),
      // A pending refund must stay on the reconciler's schedule: one moved here out of `sending` had none, and the
      // caller that was sending it can no longer record its own answer, so without this nobody would look again.
      nextCheckAt:
        notification.status === 'pending' ? (refund.nextCheckAt ?? new Date(Date.now() + 2_000)) : null,
    },
    event: {
      type: 'notification',
      data: {
        notificationId: notification.notificationId,
        status: notification.status,
        raw: notification.raw,
      },
    },
  });
  if (!updated) {
    await ledger.appendEvent(refund.refundId, 'notification_ignored', {
      notificationId: notification.notificationId,
      status: notification.status,
      reason: `the refund is already ${refund.state}`,
    });
    return { kind: 'ignored', refundId: refund.refundId, state: refund.state };
  }
  return { kind: 'applied', refundId: updated.refundId, state: updated.state };
}

async function findRefund(
  ledger: LedgerTransaction,
  account: string,
  notification: RefundNotification,
): Promise<RefundRecord | undefined> {
  if (notification.refundId) {
    const refund = await ledger.getRefund(notification.refundId);
    return refund?.account === account ? refund : undefined;
  }
  if (!notification.orderId) return undefined;
  // Providers that identify only the order (CoinCorner) speak of its latest refund still in progress.
  const refunds = await ledger.refundsOfOrder(account, notification.orderId);
  return refunds.find((refund) => refund.state !== 'succeeded' && refund.state !== 'failed') ?? refunds[0];
}
