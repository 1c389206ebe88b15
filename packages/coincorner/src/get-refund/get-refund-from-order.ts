import {
  type CallOptions,
  invalidRequest,
  type Money,
  RefundError,
  type RefundLookup,
  type RefundResult,
  type RefundStatus,
} from '@refunds/core';
import type { CoinCornerAdapterContext } from '../coincorner-adapter-context';
import { coincornerError } from '../coincorner-error';
import { describeOrderStatus, refundStatusOfOrder } from '../coincorner-order-statuses';

/**
 * `getRefund()` of the unified adapter. CoinCorner has no refund record, only the order's status: -4 is
 * pending, -5 succeeded, anything else means no refund was executed (`not_found`, outcome `rejected`).
 */
export async function getRefundFromOrder(
  context: CoinCornerAdapterContext,
  lookup: RefundLookup,
  options: CallOptions = {},
): Promise<RefundResult> {
  const { refundId, orderId } = checkLookup(lookup);
  const remembered = context.memory.get(refundId);
  if (remembered && remembered.orderId !== orderId) {
    throw invalidRequest(
      'orderId',
      `refund "${refundId}" was sent for order "${remembered.orderId}", not "${orderId}"`,
      'coincorner',
    );
  }
  const order = await context.client.checkOrder({ OrderId: orderId }, options);
  const raw = context.sender.redactor.value({ CheckOrder: order });
  let status: RefundStatus | undefined = refundStatusOfOrder(order.OrderStatus);
  // The order may show the refund a moment after CoinCorner accepted it; an accepted refund is at least pending.
  if (status === undefined && remembered?.state === 'accepted') status = 'pending';
  if (status === undefined || remembered?.state === 'not-executed') {
    throw coincornerError('no-refund', {
      writes: false,
      providerCode: String(order.OrderStatus),
      raw,
      summary:
        remembered?.state === 'not-executed'
          ? `Refund "${refundId}" was refused by CoinCorner or never sent (order status ${describeOrderStatus(order.OrderStatus, order.OrderStatusText)})`
          : `CoinCorner order "${orderId}" is in status ${describeOrderStatus(order.OrderStatus, order.OrderStatusText)}`,
    });
  }
  const amount = remembered?.amount ?? (await invoiceAmountOf(context, orderId, options));
  return { refundId, provider: 'coincorner', status, amount, raw };
}

function checkLookup(lookup: RefundLookup): { refundId: string; orderId: string } {
  if (typeof lookup?.refundId !== 'string' || lookup.refundId === '') {
    throw invalidRequest('refundId', 'refundId must be the non-empty merchant refund id', 'coincorner');
  }
  if (typeof lookup.orderId !== 'string' || lookup.orderId === '') {
    throw invalidRequest(
      'orderId',
      'orderId is required: CoinCorner has no refund id and records a refund only on its order',
      'coincorner',
    );
  }
  return { refundId: lookup.refundId, orderId: lookup.orderId };
}

/**
 * CoinCorner reports no refund amount. For a refund this process did not send, the order's invoice amount is
 * the best it can say: exact for a full refund, an upper bound for a partial one.
 */
async function invoiceAmountOf(
  context: CoinCornerAdapterContext,
  orderId: string,
  options: CallOptions,
): Promise<Money> {
  const order = await context.client.getOrder({ OrderId: orderId }, options);
  if (!order.InvoiceAmount || !order.InvoiceCurrency) {
    throw new RefundError({
      code: 'invalid_response',
      outcome: 'rejected',
      provider: 'coincorner',
      raw: context.sender.redactor.value(order),
      message: `CoinCorner GetOrder for order "${orderId}" did not say InvoiceAmount and InvoiceCurrency; try again later.`,
    });
  }
  return { amount: order.InvoiceAmount, currency: order.InvoiceCurrency.toUpperCase() };
}
