import { type CallOptions, compareAmounts, invalidRequest, RefundError } from '@refunds/core';
import type { CoinCornerAdapterContext } from '../coincorner-adapter-context';
import { coincornerError } from '../coincorner-error';
import { describeOrderStatus, refundStatusOfOrder } from '../coincorner-order-statuses';
import type { ValidatedRefund } from './validate-refund-request';

/**
 * The pre-flight read (`verifyOrderBeforeRefund`, on by default). RefundOrder has no currency field, so a
 * request in the wrong currency would silently refund the same number in the invoice currency; this catches it.
 */
export async function verifyOrderBeforeRefund(
  context: CoinCornerAdapterContext,
  refund: ValidatedRefund,
  options: CallOptions,
): Promise<void> {
  const order = await context.client
    .getOrder({ OrderId: refund.orderId }, options)
    .catch((error: unknown) => {
      // The refund itself was never sent, whatever happened to the read.
      if (RefundError.isInstance(error) && error.outcome === 'unknown')
        throw asNotSent(error, refund.orderId);
      throw error;
    });
  const { InvoiceCurrency: invoiceCurrency, InvoiceAmount: invoiceAmount } = order;
  if (invoiceCurrency && invoiceCurrency.toUpperCase() !== refund.amount.currency) {
    throw invalidRequest(
      'amount.currency',
      `the refund is in ${refund.amount.currency} but order "${refund.orderId}" is invoiced in ` +
        `${invoiceCurrency.toUpperCase()}, and CoinCorner refunds in the invoice currency whatever was meant: ` +
        `nothing was sent. Send amount.currency "${invoiceCurrency.toUpperCase()}" with the amount in ` +
        `${invoiceCurrency.toUpperCase()}`,
      'coincorner',
    );
  }
  if (invoiceAmount && compareAmounts(refund.amount.amount, invoiceAmount) > 0) {
    throw invalidRequest(
      'amount.amount',
      `amount.amount ${refund.amount.amount} is more than order "${refund.orderId}"'s invoice amount ${invoiceAmount}`,
      'coincorner',
    );
  }
  if (typeof order.OrderStatus === 'number' && refundStatusOfOrder(order.OrderStatus) !== undefined) {
    throw coincornerError('order-shows-refund', {
      writes: true,
      resend: options.resend,
      providerCode: String(order.OrderStatus),
      raw: context.sender.redactor.value(order),
      summary: `Order "${refund.orderId}" is already in status ${describeOrderStatus(order.OrderStatus, order.OrderStatusText)}`,
    });
  }
}

function asNotSent(error: RefundError, orderId: string): RefundError {
  return new RefundError({
    code: error.code,
    outcome: 'not_sent',
    provider: 'coincorner',
    providerCode: error.providerCode,
    providerMessage: error.providerMessage,
    raw: error.raw,
    cause: error,
    message: `The refund was not sent: reading order "${orderId}" first failed (${error.code}). Try again.`,
  });
}
