import { checkRefundEcho as checkEcho } from '@refunds/core/kit';
import type { __Name__Refund } from '../create-refund/create-refund-api';
import type { Create__Name__RefundBody } from '../create-refund/create-refund-options';

/**
 * An accepted refund must be the one asked for: same id, order, amount and currency. A mismatch means the
 * answer belongs to another request (a proxy mix-up, a bug), and the refund asked for may or may not exist.
 */
export function checkRefundEcho(
  expected: Create__Name__RefundBody,
  refund: __Name__Refund,
  raw: unknown,
): void {
  checkEcho({
    provider: '__name__',
    refundId: expected.refundId,
    writes: true,
    raw,
    fields: [
      { name: 'refundId', sent: expected.refundId, received: refund.refundId, required: true },
      { name: 'orderId', sent: expected.orderId, received: refund.orderId, required: true },
      { name: 'amount', sent: expected.amount, received: refund.amount, compare: 'amount', required: true },
      { name: 'currency', sent: expected.currency, received: refund.currency, required: true },
    ],
    describe: (mismatches) =>
      `__Name__ confirmed a refund that differs from the request: ${mismatches.join(', ')}`,
  });
}
