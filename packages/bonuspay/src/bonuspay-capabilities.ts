import type { RefundCapabilities } from '@refunds/core';

/**
 * What BonusPay does for refunds. Partial and repeated refunds: refundSummary reports what remains refundable
 * and 77005 refuses more. Native idempotency: a reused refund number is refused with 77013 and never executed
 * twice; the adapter then returns the existing refund, found with getOrder.
 */
export const bonusPayCapabilities: RefundCapabilities = Object.freeze({
  partialRefund: true,
  multipleRefunds: true,
  statusQuery: true,
  notifications: true,
  nativeIdempotency: true,
});
