import type { RefundCapabilities } from '@refunds/core';

/**
 * - partialRefund: RefundOrder takes an Amount, so a refund of part of an order is what the API is shaped for.
 * - multipleRefunds: false. CoinCorner records a refund only as the order's status (-4, -5), so a second refund
 *   of the same order could not be told apart from the first, and whether it is allowed at all is undocumented.
 * - statusQuery: CheckOrder. notifications: the order webhook (confirmed through CheckOrder).
 * - nativeIdempotency: false. There is no refund id: a resent RefundOrder is a second refund.
 */
export const coincornerCapabilities: RefundCapabilities = Object.freeze({
  partialRefund: true,
  multipleRefunds: false,
  statusQuery: true,
  notifications: true,
  nativeIdempotency: false,
});
