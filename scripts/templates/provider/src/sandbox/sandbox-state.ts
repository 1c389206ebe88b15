import { addAmounts, compareAmounts, type SandboxRefundRecord, subtractAmounts } from '@refunds/core';

export interface SandboxOrder {
  orderId: string;
  amount: string;
  currency: string;
  description: string;
  refunded: string;
}

export interface SandboxRefund {
  refundId: string;
  orderId: string;
  providerRefundId: string;
  amount: string;
  currency: string;
  status: 'PROCESSING' | 'SUCCESS' | 'FAILED';
}

const recordStatuses = { PROCESSING: 'pending', SUCCESS: 'succeeded', FAILED: 'failed' } as const;

/** The sandbox's books: paid orders, their refundable balance, and refunds that settle after a delay. */
export function createSandboxState(options: { settleAfterMs: number; readLagMs?: number }) {
  const orders = new Map<string, SandboxOrder>();
  const refunds = new Map<string, SandboxRefund>();
  // When each refund becomes visible to status queries: a provider whose read side lags its writes.
  const visibleFrom = new Map<string, number>();
  let readLagMs = options.readLagMs ?? 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let sequence = 0;

  const settle = (refund: SandboxRefund) => {
    if (refund.status === 'PROCESSING') refund.status = 'SUCCESS';
  };

  return {
    orders,
    refunds,
    addOrder(input: { amount: string; currency: string; description: string }): SandboxOrder {
      // Random digits, so that an id with a digit appended is never another seeded order.
      const orderId = `${Date.now()}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
      const order = { ...input, orderId, refunded: '0' };
      orders.set(orderId, order);
      return order;
    },
    remaining: (order: SandboxOrder) => subtractAmounts(order.amount, order.refunded),
    exceedsRemaining: (order: SandboxOrder, amount: string) =>
      compareAmounts(amount, subtractAmounts(order.amount, order.refunded)) > 0,
    addRefund(order: SandboxOrder, input: { refundId: string; amount: string }): SandboxRefund {
      const refund: SandboxRefund = {
        refundId: input.refundId,
        orderId: order.orderId,
        providerRefundId: `RF${String(++sequence).padStart(8, '0')}`,
        amount: input.amount,
        currency: order.currency,
        status: 'PROCESSING',
      };
      order.refunded = addAmounts(order.refunded, input.amount);
      refunds.set(refund.refundId, refund);
      visibleFrom.set(refund.refundId, Date.now() + readLagMs);
      const timer = setTimeout(() => {
        timers.delete(timer);
        settle(refund);
      }, options.settleAfterMs);
      timers.add(timer);
      return refund;
    },
    /** The refund as a status query sees it: hidden while the read side lags. */
    visibleRefund(refundId: string): SandboxRefund | undefined {
      return Date.now() >= (visibleFrom.get(refundId) ?? 0) ? refunds.get(refundId) : undefined;
    },
    setReadLag(ms: number) {
      readLagMs = ms;
    },
    executedRefunds: (): SandboxRefundRecord[] =>
      [...refunds.values()].map((refund) => ({
        orderId: refund.orderId,
        refundId: refund.refundId,
        providerRefundId: refund.providerRefundId,
        amount: refund.amount,
        status: recordStatuses[refund.status],
      })),
    settleAll() {
      for (const refund of refunds.values()) settle(refund);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type SandboxState = ReturnType<typeof createSandboxState>;
