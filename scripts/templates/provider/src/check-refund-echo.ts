import { isAmountEqual, RefundError } from '@refunds/core';
import type { __Name__Refund } from './__name__-api';
import type { Create__Name__RefundBody } from './__name__-client';

/**
 * An accepted refund must be the one asked for: same id, order, amount and currency. A mismatch means the
 * answer belongs to another request (a proxy mix-up, a bug), and the refund asked for may or may not exist.
 */
export function checkRefundEcho(
  expected: Create__Name__RefundBody,
  refund: __Name__Refund,
  raw: unknown,
): void {
  const mismatches = [
    refund.refundId === expected.refundId ? undefined : 'refundId',
    refund.orderId === expected.orderId ? undefined : 'orderId',
    isAmountEqual(refund.amount, expected.amount) ? undefined : 'amount',
    refund.currency === expected.currency ? undefined : 'currency',
  ].filter((field) => field !== undefined);
  if (mismatches.length === 0) return;
  throw new RefundError({
    code: 'invalid_response',
    outcome: 'unknown',
    provider: '__name__',
    raw,
    message: `__Name__ confirmed a refund that differs from the request in ${mismatches.join(', ')}; the refund asked for may have been executed. Check it with getRefund.`,
  });
}
