import {
  type IgnoredNotification,
  type NotificationAcknowledgement,
  type NotificationInput,
  type Redactor,
  RefundError,
  type RefundNotification,
} from '@refunds/core';
import type { GatePayClient } from '../create-gatepay-client';
import { gatePayNotificationAcknowledgement } from '../refund-notification/gatepay-notification-acknowledgement';
import { refundBizType } from '../refund-notification/refund-notification-api';
import { mapGatePayRefundStatus } from './map-gatepay-refund-status';

/**
 * The unified `verifyNotification`: a verified PAY_REFUND notification as `refunds-v1` reads it, with the exact
 * acknowledgement GatePay expects. REFUND_PROCESS is `pending`, REFUND_SUCCESS `succeeded`, REFUND_REJECTED `failed`.
 * A verified notification of another kind (a payment on the same callback URL) is `ignored`, with the same success
 * reply: GatePay redelivers anything not acknowledged for about a day.
 */
export async function readRefundNotification(
  client: GatePayClient,
  input: NotificationInput,
  redactor: Redactor,
): Promise<RefundNotification | IgnoredNotification> {
  const notification = await client.verifyNotification(input);
  if (notification.bizType !== refundBizType) {
    return {
      kind: 'ignored',
      provider: 'gatepay',
      reason: `GatePay ${notification.bizType || '(no bizType)'} notification, not a refund (${refundBizType}); read it with createGatePayClient().verifyNotification`,
      acknowledgement: acknowledgement(),
    };
  }
  const { refundInfo, currency } = notification.data;
  if (refundInfo === undefined) {
    throw new RefundError({
      code: 'invalid_response',
      outcome: 'rejected',
      provider: 'gatepay',
      raw: redactor.value(notification.body),
      message: 'GatePay PAY_REFUND notification is correctly signed but its data has no refundInfo.',
    });
  }
  const { refundRequestId, prepayId, refundAmount } = refundInfo;
  return {
    kind: 'refund',
    provider: 'gatepay',
    refundId: refundRequestId,
    ...(prepayId ? { orderId: prepayId } : {}),
    status: mapGatePayRefundStatus(notification.bizStatus),
    ...(refundAmount && currency ? { amount: { amount: refundAmount, currency } } : {}),
    // bizId is the order, so the refund id tells two refunds of one order apart, and the status tells a
    // REFUND_PROCESS from the REFUND_SUCCESS that follows it.
    notificationId: `${notification.bizId}:${refundRequestId}:${notification.bizStatus}`,
    raw: redactor.value(notification.body),
    acknowledgement: acknowledgement(),
  };
}

// A copy each time, so that a caller changing its reply cannot change the next one.
function acknowledgement(): NotificationAcknowledgement {
  return {
    ...gatePayNotificationAcknowledgement,
    headers: { ...gatePayNotificationAcknowledgement.headers },
  };
}
