import { formatAmount, JsonNumberLiteral, type LosslessJsonValue, toJsonNumberLiteral } from '@refunds/core';
import type { SandboxLedger, SandboxRefund } from './sandbox-ledger';

const literal = (amount: string, scale?: number) =>
  new JsonNumberLiteral(toJsonNumberLiteral(scale === undefined ? amount : formatAmount(amount, scale)));

const money = (amount: string, currency: string) => ({ currency, amount: literal(amount) });

/** A RefundOrder as BonusPay answers it: the amount as the merchant sent it, optional fields only when set. */
export function writeSandboxRefundOrder(refund: SandboxRefund): {
  [key: string]: LosslessJsonValue | undefined;
} {
  return {
    refundMerchantOrderNo: refund.refundMerchantOrderNo,
    orderNo: refund.orderNo,
    originMerchantOrderNo: refund.order.merchantOrderNo,
    status: refund.status,
    amount: money(refund.amount.amount, refund.amount.currency),
    notifyUrl: refund.notifyUrl,
    reason: refund.reason,
    reserved: refund.reserved,
    chainCode: refund.chainCode,
    refundAddress: refund.refundAddress,
    failCode: refund.failCode,
    failDes: refund.failDes,
  };
}

/** The refundSummary of an order: what was paid and what can still be refunded. */
export function writeSandboxRefundSummary(refund: SandboxRefund, ledger: SandboxLedger): LosslessJsonValue {
  const { order } = refund;
  return {
    acquireAmount: money(order.amount.amount, order.amount.currency),
    remainRefundAmount: money(ledger.remaining(order), order.amount.currency),
  };
}

/**
 * A RefundOrder as it appears in a callback: HashMap key order and Decimal(12,8) amounts such as 1.50000000,
 * the two things that break a client which verifies re-serialized JSON instead of the bytes received.
 */
export function writeNotifiedRefundOrder(refund: SandboxRefund, amountScale: number): LosslessJsonValue {
  return {
    reason: refund.reason,
    amount: { amount: literal(refund.amount.amount, amountScale), currency: refund.amount.currency },
    orderNo: refund.orderNo,
    refundMerchantOrderNo: refund.refundMerchantOrderNo,
    reserved: refund.reserved,
    notifyUrl: refund.notifyUrl,
    originMerchantOrderNo: refund.order.merchantOrderNo,
    status: refund.status,
    failCode: refund.failCode,
    failDes: refund.failDes,
  };
}
