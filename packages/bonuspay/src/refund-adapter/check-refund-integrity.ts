import type { Money } from '@refunds/core';
import { checkRefundEcho, type EchoedField, findEchoMismatches } from '@refunds/core/kit';
import type { RefundOrder } from '../api/refund-order-api';
import type { BonusPayOrderIdField } from '../bonuspay-settings';

export interface ExpectedRefund {
  refundId: string;
  orderId?: string;
  orderIdField: BonusPayOrderIdField;
  amount?: Money;
  providerRefundId?: string;
}

/** What BonusPay echoes of a refund beside what was asked for; an order or refund number it omits is no mismatch. */
function echoedFields(refundOrder: RefundOrder, expected: ExpectedRefund): EchoedField[] {
  const fields: EchoedField[] = [
    {
      name: 'refundMerchantOrderNo',
      sent: expected.refundId,
      received: refundOrder.refundMerchantOrderNo,
      required: true,
    },
  ];
  if (expected.orderId !== undefined) {
    const received = refundOrder[expected.orderIdField];
    fields.push({ name: expected.orderIdField, sent: expected.orderId, received });
  }
  if (expected.providerRefundId !== undefined) {
    fields.push({ name: 'orderNo', sent: expected.providerRefundId, received: refundOrder.orderNo });
  }
  if (expected.amount !== undefined) {
    const { amount, currency } = refundOrder.amount;
    fields.push(
      { name: 'amount', sent: expected.amount.amount, received: amount, compare: 'amount', required: true },
      { name: 'currency', sent: expected.amount.currency, received: currency, required: true },
    );
  }
  return fields;
}

/**
 * The refund BonusPay describes must be the one asked about: same refund number, same order (where echoed),
 * same amount and asset. Undefined when it is; else the differences, for a person.
 */
export function findRefundMismatch(refundOrder: RefundOrder, expected: ExpectedRefund): string | undefined {
  const mismatches = findEchoMismatches(echoedFields(refundOrder, expected));
  return mismatches.length === 0 ? undefined : mismatches.join(', ');
}

/** A signed answer about another refund is still wrong, and after a write it leaves the refund asked for unknown. */
export function checkRefundIntegrity(
  refundOrder: RefundOrder,
  expected: ExpectedRefund,
  context: { writes: boolean; raw: unknown },
): void {
  checkRefundEcho({
    provider: 'bonuspay',
    refundId: expected.refundId,
    writes: context.writes,
    raw: context.raw,
    fields: echoedFields(refundOrder, expected),
    describe: (mismatches) => `BonusPay answered about a different refund (${mismatches.join(', ')})`,
  });
}
