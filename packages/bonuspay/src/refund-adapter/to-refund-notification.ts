import type { RefundNotification } from '@refunds/core';
import type { VerifiedRefundNotification } from '../refund-notification/verify-refund-notification';
import { toRefundStatus } from './to-refund-status';

/** BonusPay's reply rule: HTTP 200 with the body `SUCCESS`; anything else makes it redeliver. */
export const bonusPayNotificationAcknowledgement = Object.freeze({
  status: 200,
  headers: Object.freeze({ 'content-type': 'text/plain' }),
  body: 'SUCCESS',
});

/**
 * A verified notification in the contract's terms, `kind: 'refund'`: BonusPay posts refund results to the
 * refund's own notifyUrl, so there is nothing else to ignore there. BonusPay redelivers until it sees `SUCCESS`, so
 * `notificationId` is `notify_id`, the same on every redelivery, for the caller to process each one once.
 */
export function toRefundNotification({
  notification,
  raw,
}: VerifiedRefundNotification): RefundNotification & { kind: 'refund' } {
  const { refundOrder } = notification;
  const orderId = refundOrder.originMerchantOrderNo ?? refundOrder.originOrderNo;
  return {
    kind: 'refund',
    provider: 'bonuspay',
    ...(refundOrder.refundMerchantOrderNo === undefined
      ? {}
      : { refundId: refundOrder.refundMerchantOrderNo }),
    ...(orderId === undefined ? {} : { orderId }),
    ...(refundOrder.orderNo === undefined ? {} : { providerRefundId: refundOrder.orderNo }),
    status: toRefundStatus(refundOrder.status),
    amount: { amount: refundOrder.amount.amount, currency: refundOrder.amount.currency },
    notificationId:
      notification.notify_id ??
      `${refundOrder.orderNo ?? refundOrder.refundMerchantOrderNo ?? 'refund'}:${refundOrder.status}`,
    raw,
    acknowledgement: {
      ...bonusPayNotificationAcknowledgement,
      headers: { ...bonusPayNotificationAcknowledgement.headers },
    },
  };
}
