import { randomInt } from 'node:crypto';

export type SandboxRefundStatus = 0 | 1 | 2 | 3 | 4;

export interface SandboxOrder {
  payOrderId: string;
  mchOrderNo: string;
  amountCents: bigint;
  currency: string;
  channelId: string;
  /** Cents already refunded or being refunded; a failed refund gives its cents back. */
  refundedCents: bigint;
  paySuccTime: number;
  description: string;
}

export interface SandboxRefund {
  refundOrderId: string;
  mchRefundNo: string;
  payOrderId: string;
  refundAmountCents: bigint;
  currency: string;
  status: SandboxRefundStatus;
  channelOrderNo: string;
  refundSuccTime?: number;
}

export interface SandboxState {
  readonly orders: Map<string, SandboxOrder>;
  readonly refunds: SandboxRefund[];
  addOrder(input: {
    amountCents: bigint;
    currency: string;
    channelId: string;
    description: string;
  }): SandboxOrder;
  /** Records an accepted refund as "refunding" (status 1) and schedules its settlement. */
  addRefund(order: SandboxOrder, mchRefundNo: string, refundAmountCents: bigint): SandboxRefund;
  findRefund(lookup: { mchRefundNo?: string; refundOrderId?: string }): SandboxRefund | undefined;
  settleAll(): void;
  close(): void;
}

const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');
const timestamp = (date: Date) => date.toISOString().replace(/\D/g, '').slice(2, 14);

/** The simulated IOTPay's books: paid orders, refunds and what is left to refund on each order. */
export function createSandboxState(options: { settleAfterMs: number; finalStatus: 2 | 3 | 4 }): SandboxState {
  const orders = new Map<string, SandboxOrder>();
  const refunds: SandboxRefund[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let refundSequence = 0;

  const settle = (refund: SandboxRefund) => {
    if (refund.status !== 0 && refund.status !== 1) return;
    refund.status = options.finalStatus;
    if (refund.status === 3) {
      const order = orders.get(refund.payOrderId);
      if (order) order.refundedCents -= refund.refundAmountCents;
    } else {
      refund.refundSuccTime = Date.now();
    }
  };

  return {
    orders,
    refunds,
    addOrder(input) {
      const now = new Date();
      const order: SandboxOrder = {
        ...input,
        payOrderId: `U${timestamp(now)}${digits(14)}`,
        mchOrderNo: `M${timestamp(now)}${digits(6)}`,
        refundedCents: 0n,
        paySuccTime: now.getTime(),
      };
      orders.set(order.payOrderId, order);
      return order;
    },
    addRefund(order, mchRefundNo, refundAmountCents) {
      refundSequence++;
      const refund: SandboxRefund = {
        refundOrderId: `R01${timestamp(new Date())}${String(refundSequence).padStart(6, '0')}`,
        mchRefundNo,
        payOrderId: order.payOrderId,
        refundAmountCents,
        currency: order.currency,
        status: 1,
        channelOrderNo: `50${digits(28)}`,
      };
      order.refundedCents += refundAmountCents;
      refunds.push(refund);
      const timer = setTimeout(() => {
        timers.delete(timer);
        settle(refund);
      }, options.settleAfterMs);
      timers.add(timer);
      return refund;
    },
    findRefund({ mchRefundNo, refundOrderId }) {
      // XxPay looks up by mchRefundNo when it is given, else by refundOrderId.
      if (mchRefundNo) return refunds.find((refund) => refund.mchRefundNo === mchRefundNo);
      return refunds.find((refund) => refund.refundOrderId === refundOrderId);
    },
    settleAll() {
      for (const refund of refunds) settle(refund);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
