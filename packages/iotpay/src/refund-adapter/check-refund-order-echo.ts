import { checkRefundEcho } from '@refunds/core/kit';
import type { RefundOrderResponse } from '../refund-order/refund-order-api';

export interface RefundOrderExpectation {
  mchId: string;
  mchRefundNo: string;
  payOrderId: string;
  refundAmount: bigint;
  currency: string;
}

/**
 * Refuses an acceptance that echoes another refund id, order, amount, currency or merchant than the one sent: the
 * refund asked for is then unknown, to be checked with getRefund before anything is sent again.
 */
export function checkRefundOrderEcho(
  response: RefundOrderResponse,
  expected: RefundOrderExpectation,
  raw: unknown,
): void {
  checkRefundEcho({
    provider: 'iotpay',
    refundId: expected.mchRefundNo,
    writes: true,
    raw,
    fields: [
      { name: 'mchRefundNo', sent: expected.mchRefundNo, received: response.mchRefundNo },
      { name: 'payOrderId', sent: expected.payOrderId, received: response.payOrderId },
      // Whole cents: anything but digits is not the amount sent.
      { name: 'refundAmount', sent: expected.refundAmount, received: response.refundAmount },
      { name: 'currency', sent: expected.currency, received: response.currency },
      { name: 'mchId', sent: expected.mchId, received: response.mchId },
    ],
    describe: (mismatches) =>
      `IOTPay answered, but its acceptance names a different refund than the request (${mismatches.join(', ')})`,
  });
}
