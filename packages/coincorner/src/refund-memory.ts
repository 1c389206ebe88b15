import type { Money } from '@refunds/core';

/**
 * - in-flight: being checked or sent now;
 * - accepted: CoinCorner answered 200;
 * - not-executed: refused, or never sent;
 * - unknown: sent, and the answer was lost (timeout, reset, 5xx).
 */
export type RememberedRefundState = 'in-flight' | 'accepted' | 'not-executed' | 'unknown';

export interface RememberedRefund {
  orderId: string;
  amount: Money;
  state: RememberedRefundState;
}

export interface RefundMemory {
  get(refundId: string): RememberedRefund | undefined;
  remember(refundId: string, refund: RememberedRefund): void;
}

// Enough for any reconciliation window of one process; the oldest are forgotten first.
const capacity = 10_000;

/**
 * What this process sent, by merchant refund id. CoinCorner keeps no refund id and reports no refund amount,
 * so this is the only place that knows which refund an order status belongs to, and how much it was.
 */
export function createRefundMemory(): RefundMemory {
  const refunds = new Map<string, RememberedRefund>();
  return {
    get: (refundId) => refunds.get(refundId),
    remember(refundId, refund) {
      refunds.delete(refundId);
      refunds.set(refundId, refund);
      if (refunds.size > capacity) {
        const oldest = refunds.keys().next();
        if (!oldest.done) refunds.delete(oldest.value);
      }
    },
  };
}
