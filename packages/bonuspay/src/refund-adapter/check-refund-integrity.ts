import { compareAmounts, type Money, RefundError } from '@refunds/core';
import type { RefundOrder } from '../api/refund-order-api';
import type { BonusPayOrderIdField } from '../bonuspay-settings';

export interface ExpectedRefund {
  refundId: string;
  orderId?: string;
  orderIdField: BonusPayOrderIdField;
  amount?: Money;
  providerRefundId?: string;
}

/**
 * The refund BonusPay describes must be the one asked about: same refund number, same order (where echoed),
 * same amount and asset. A signed answer about another refund is still wrong, and after a write it leaves the
 * refund asked for unknown.
 */
export function findRefundMismatch(refundOrder: RefundOrder, expected: ExpectedRefund): string | undefined {
  if (refundOrder.refundMerchantOrderNo !== expected.refundId) {
    return `refundMerchantOrderNo ${quote(refundOrder.refundMerchantOrderNo)} where ${quote(expected.refundId)} was asked for`;
  }
  const echoedOrder = refundOrder[expected.orderIdField];
  if (expected.orderId !== undefined && echoedOrder !== undefined && echoedOrder !== expected.orderId) {
    return `${expected.orderIdField} ${quote(echoedOrder)} where ${quote(expected.orderId)} was asked for`;
  }
  if (
    expected.providerRefundId !== undefined &&
    refundOrder.orderNo !== undefined &&
    refundOrder.orderNo !== expected.providerRefundId
  ) {
    return `orderNo ${quote(refundOrder.orderNo)} where ${quote(expected.providerRefundId)} was asked for`;
  }
  if (expected.amount !== undefined) {
    const { amount, currency } = refundOrder.amount;
    if (currency !== expected.amount.currency || compareAmounts(amount, expected.amount.amount) !== 0) {
      return `amount ${amount} ${currency} where ${expected.amount.amount} ${expected.amount.currency} was asked for`;
    }
  }
  return undefined;
}

export function checkRefundIntegrity(
  refundOrder: RefundOrder,
  expected: ExpectedRefund,
  context: { writes: boolean; raw: unknown },
): void {
  const mismatch = findRefundMismatch(refundOrder, expected);
  if (mismatch === undefined) return;
  throw new RefundError({
    code: 'invalid_response',
    outcome: context.writes ? 'unknown' : 'rejected',
    provider: 'bonuspay',
    raw: context.raw,
    message: `BonusPay answered about a different refund (${mismatch})${
      context.writes
        ? '; the refund asked for may have been executed. Check it with getRefund before sending it again.'
        : '.'
    }`,
  });
}

function quote(value: string | undefined): string {
  return value === undefined ? '(missing)' : JSON.stringify(value);
}
