import { checkRefundEcho as checkEcho } from '@refunds/core/kit';
import type { ValidatedRefund } from './validate-refund-request';

export interface RefundEcho {
  refundRequestId: string;
  prepayId: string;
  /** The refunded amount GatePay echoes, in the request's currency. */
  amount: string | undefined;
  /** The order currency, when the endpoint echoes it. */
  currency?: string | null;
}

/**
 * GatePay accepted something: make sure it is this refund. A different id, order, amount or currency means the
 * answer belongs to another refund, or GatePay executed something other than what was asked, so the outcome is
 * `unknown` and nothing is reported as accepted.
 */
export function checkRefundEcho(refund: ValidatedRefund, echo: RefundEcho, raw: unknown): void {
  checkEcho({
    provider: 'gatepay',
    refundId: refund.refundId,
    writes: true,
    raw,
    fields: [
      { name: 'refundRequestId', sent: refund.refundId, received: echo.refundRequestId, required: true },
      { name: 'prepayId', sent: refund.orderId, received: echo.prepayId, required: true },
      {
        name: 'refund amount',
        sent: refund.amount.amount,
        received: echo.amount,
        compare: 'amount',
        required: true,
      },
      { name: 'currency', sent: refund.amount.currency, received: echo.currency, quoted: false },
    ],
    describe: (mismatches) => `GatePay accepted a refund but echoed ${mismatches.join(', ')}`,
  });
}
