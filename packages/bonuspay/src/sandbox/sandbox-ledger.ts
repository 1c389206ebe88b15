import { compareAmounts, type Money } from '@refunds/core';
import { createBalanceLedger } from '@refunds/core/sandbox';

export type SandboxOrderStatus = 'PAID' | 'FAILED' | 'UNPAID';
export type SandboxRefundStatus = 'CREATED' | 'REFUNDED_SETTLED' | 'SUCCESS' | 'FAILURE';

export interface SandboxOrder {
  merchantOrderNo: string;
  /** BonusPay's payment order number. */
  orderNo: string;
  amount: Money;
  status: SandboxOrderStatus;
  /** Set for a chain payment, which needs chainCode and refundAddress to be refunded. */
  chainCode?: string;
  payerAddress?: string;
}

export interface SandboxRefund {
  refundMerchantOrderNo: string;
  /** BonusPay's refund order number. */
  orderNo: string;
  order: SandboxOrder;
  /** The amount digit for digit as the merchant sent it. */
  amount: Money;
  status: SandboxRefundStatus;
  notifyUrl?: string;
  operatorName?: string;
  reason?: string;
  reserved?: string;
  chainCode?: string;
  refundAddress?: string;
  failCode?: string;
  failDes?: string;
  /** When getOrder starts to see the refund (epoch ms): its execution time plus the read lag of that moment. */
  visibleFrom: number;
}

/** The simulator's books: orders, refunds and what remains refundable. */
export class SandboxLedger {
  readonly #orders: SandboxOrder[] = [];
  readonly #refunds: SandboxRefund[] = [];
  /** What each order (by BonusPay's orderNo) has left to refund: created refunds take, failed ones give back. */
  readonly #balances = createBalanceLedger();
  #sequence = 0;

  /** An 18-digit number, above 2^53 like BonusPay's, so a client that reads ids as numbers breaks here too. */
  nextNumber(): string {
    this.#sequence += 1;
    return `23${String(Date.now()).slice(-11)}${String(this.#sequence).padStart(5, '0')}`;
  }

  addOrder(order: SandboxOrder): SandboxOrder {
    this.#orders.push(order);
    this.#balances.open(order.orderNo, order.amount);
    return order;
  }

  orderByMerchantOrderNo(merchantOrderNo: string): SandboxOrder | undefined {
    return this.#orders.find((order) => order.merchantOrderNo === merchantOrderNo);
  }

  orderByOrderNo(orderNo: string): SandboxOrder | undefined {
    return this.#orders.find((order) => order.orderNo === orderNo);
  }

  /** Records a refund the order can pay (see `canRefund`); a refund it cannot is a bug in the sandbox. */
  addRefund(refund: SandboxRefund): SandboxRefund {
    const taken = this.#balances.take(refund.order.orderNo, refund.amount);
    if (taken !== 'taken') throw new Error(`The BonusPay sandbox cannot take this refund (${taken}).`);
    this.#refunds.push(refund);
    return refund;
  }

  /** A refund that failed gives its amount back to its order. */
  fail(refund: SandboxRefund, failure: { failCode?: string; failDes?: string }): void {
    if (refund.status === 'FAILURE') return;
    refund.status = 'FAILURE';
    refund.failCode = failure.failCode;
    refund.failDes = failure.failDes;
    this.#balances.giveBack(refund.order.orderNo, refund.amount.amount);
  }

  refundByMerchantOrderNo(refundMerchantOrderNo: string): SandboxRefund | undefined {
    return this.#refunds.find((refund) => refund.refundMerchantOrderNo === refundMerchantOrderNo);
  }

  refundByOrderNo(orderNo: string): SandboxRefund | undefined {
    return this.#refunds.find((refund) => refund.orderNo === orderNo);
  }

  refunds(): readonly SandboxRefund[] {
    return this.#refunds;
  }

  /** What can still be refunded: failed refunds give their amount back. */
  remaining(order: SandboxOrder): string {
    return this.#balances.refundable(order.orderNo) ?? '0';
  }

  canRefund(order: SandboxOrder, amount: string): boolean {
    return compareAmounts(amount, this.remaining(order)) <= 0;
  }
}
