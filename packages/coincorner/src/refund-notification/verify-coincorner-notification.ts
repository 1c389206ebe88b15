import type { NotificationInput, RefundNotification } from '@refunds/core';
import type { CoinCornerAdapterContext } from '../coincorner-adapter-context';
import { coincornerError } from '../coincorner-error';
import { describeOrderStatus, refundStatusOfOrder } from '../coincorner-order-statuses';

/**
 * `verifyNotification()` of the unified adapter. The webhook is unsigned and carries no status, so after the
 * APIKey check the status comes from CheckOrder, never from the webhook.
 */
export async function verifyCoinCornerNotification(
  context: CoinCornerAdapterContext,
  input: NotificationInput,
): Promise<RefundNotification> {
  const webhook = context.client.verifyWebhook(input);
  const order = await context.client.checkOrder({ OrderId: webhook.OrderId });
  const raw = context.sender.redactor.value({ webhook, CheckOrder: order });
  const status = refundStatusOfOrder(order.OrderStatus);
  if (status === undefined) {
    // CoinCorner also calls the webhook for payment events; the host should still answer 200.
    throw coincornerError('no-refund', {
      writes: false,
      providerCode: String(order.OrderStatus),
      raw,
      summary:
        `The CoinCorner webhook for order "${webhook.OrderId}" is not about a refund: the order is in status ` +
        `${describeOrderStatus(order.OrderStatus, order.OrderStatusText)}. Answer it with HTTP 200 and ignore it`,
    });
  }
  return {
    kind: 'refund',
    provider: 'coincorner',
    orderId: webhook.OrderId,
    status,
    notificationId: `${webhook.OrderId}:${order.OrderStatus}`,
    raw,
    // CoinCorner resends (up to 3 times) until it gets HTTP 200; the body is not read.
    acknowledgement: { status: 200, headers: {}, body: '' },
  };
}
