import { RefundError } from '../errors/refund-error';
import { addAmounts } from '../money/add-amounts';
import { compareAmounts } from '../money/compare-amounts';
import type { Money } from '../money/money';
import { subtractAmounts } from '../money/subtract-amounts';

export interface LedgerOrder {
  orderId: string;
  paid: Money;
  /** What refunds have taken so far, pending ones included. */
  refunded: string;
}

export interface BalanceLedger {
  /** Records a paid order. */
  open(orderId: string, paid: Money): LedgerOrder;
  get(orderId: string): LedgerOrder | undefined;
  /** What can still be refunded; undefined for an unknown order. */
  refundable(orderId: string): string | undefined;
  /**
   * Takes the amount from the order's refundable balance, or answers why not (`unknown-order`, `currency`,
   * `exceeds`) without changing anything: the sandbox turns the reason into its provider's documented error.
   */
  take(orderId: string, amount: Money): 'taken' | 'unknown-order' | 'currency' | 'exceeds';
  /** Gives a failed refund's amount back to its order. */
  giveBack(orderId: string, amount: string): void;
}

/**
 * The refundable balances a sandbox keeps, in exact decimals: the sum refunded per order never exceeds what
 * was paid, whatever the order of requests.
 */
export function createBalanceLedger(): BalanceLedger {
  const orders = new Map<string, LedgerOrder>();
  const refundable = (order: LedgerOrder) => subtractAmounts(order.paid.amount, order.refunded);
  return {
    open(orderId, paid) {
      const order = { orderId, paid: { ...paid }, refunded: '0' };
      orders.set(orderId, order);
      return order;
    },
    get: (orderId) => orders.get(orderId),
    refundable(orderId) {
      const order = orders.get(orderId);
      return order && refundable(order);
    },
    take(orderId, amount) {
      const order = orders.get(orderId);
      if (!order) return 'unknown-order';
      if (amount.currency !== order.paid.currency) return 'currency';
      if (compareAmounts(amount.amount, refundable(order)) > 0) return 'exceeds';
      order.refunded = addAmounts(order.refunded, amount.amount);
      return 'taken';
    },
    giveBack(orderId, amount) {
      const order = orders.get(orderId);
      if (!order) return;
      const refunded = subtractAmounts(order.refunded, amount);
      if (compareAmounts(refunded, '0') < 0) {
        throw new RefundError({
          code: 'invalid_request',
          outcome: 'not_sent',
          message: `The sandbox cannot give back ${amount} to order ${orderId}: more than was refunded.`,
        });
      }
      order.refunded = refunded;
    },
  };
}
