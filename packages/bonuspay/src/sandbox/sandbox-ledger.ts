import { addAmounts, compareAmounts, type Money, subtractAmounts } from '@refunds/core';

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
  #sequence = 0;

  /** An 18-digit number, above 2^53 like BonusPay's, so a client that reads ids as numbers breaks here too. */
  nextNumber(): string {
    this.#sequence += 1;
    return `23${String(Date.now()).slice(-11)}${String(this.#sequence).padStart(5, '0')}`;
  }

  addOrder(order: SandboxOrder): SandboxOrder {
    this.#orders.push(order);
    return order;
  }

  orderByMerchantOrderNo(merchantOrderNo: string): SandboxOrder | undefined {
    return this.#orders.find((order) => order.merchantOrderNo === merchantOrderNo);
  }

  orderByOrderNo(orderNo: string): SandboxOrder | undefined {
    return this.#orders.find((order) => order.orderNo === orderNo);
  }

  addRefund(refund: SandboxRefund): SandboxRefund {
    this.#refunds.push(refund);
    return refund;
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
    const taken = this.#refunds
      .filter((refund) => refund.order === order && refund.status !== 'FAILURE')
      .reduce((sum, refund) => addAmounts(sum, refund.amount.amount), '0');
    return subtractAmounts(order.amount.amount, taken);
  }

  canRefund(order: SandboxOrder, amount: string): boolean {
    return compareAmounts(amount, this.remaining(order)) <= 0;
  }
}
