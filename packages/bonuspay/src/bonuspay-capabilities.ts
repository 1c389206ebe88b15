import type { RefundCapabilities } from '@refunds/core';

/**
 * What BonusPay does for refunds. Partial and repeated refunds: refundSummary reports what remains refundable
 * and 77005 refuses more. Native idempotency: a refund number is never executed twice. An exact retry is
 * answered with the refund it created; a number reused with other parameters is refused with 77013, and the
 * adapter then looks the existing refund up with getOrder.
 */
export const bonusPayCapabilities: RefundCapabilities = Object.freeze({
  partialRefund: true,
  multipleRefunds: true,
  statusQuery: true,
  notifications: true,
  nativeIdempotency: true,
});
