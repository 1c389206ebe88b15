import type { RefundStatus } from '@refunds/core';

interface OrderStatusRow {
  text: string;
  /** What the status says about a refund of the order; none for statuses before or without a refund. */
  refund?: RefundStatus;
  documented: boolean;
}

/** CoinCorner's `OrderStatus` codes. A refund exists only as the order's status: -4, then -5. */
export const coincornerOrderStatuses: Readonly<Record<string, OrderStatusRow>> = Object.freeze({
  '0': { text: 'Awaiting Payment', documented: true },
  '1': { text: 'Pending Confirmation', documented: true },
  '2': { text: 'Complete', documented: true },
  '-1': { text: 'Cancelled', documented: true },
  '-2': { text: 'Expired', documented: true },
  // Only the osCommerce plugin knows it, and treats it as expired.
  '-3': { text: 'Expired', documented: false },
  '-4': { text: 'Pending Refund', refund: 'pending', documented: true },
  '-5': { text: 'Refunded', refund: 'succeeded', documented: true },
  '-99': { text: 'Pending (Invoice Order)', documented: true },
});

/** The refund status an order status stands for, or undefined when the order shows no refund. */
export function refundStatusOfOrder(orderStatus: number): RefundStatus | undefined {
  return coincornerOrderStatuses[String(orderStatus)]?.refund;
}

/** "2 (Complete)", for messages. */
export function describeOrderStatus(orderStatus: number, text?: string | null): string {
  return `${orderStatus} (${text || coincornerOrderStatuses[String(orderStatus)]?.text || 'undocumented'})`;
}
