import { randomInt } from 'node:crypto';
import { createBalanceLedger, createSettleClock } from '@refunds/core/sandbox';

export type SandboxRefundStatus = 0 | 1 | 2 | 3 | 4;

export interface SandboxOrder {
  payOrderId: string;
  mchOrderNo: string;
  amountCents: bigint;
  currency: string;
  channelId: string;
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
  /** From when the refund query can see it (ms since the epoch): the read side may lag the write. */
  visibleAt: number;
}

export interface SandboxState {
  readonly orders: Map<string, SandboxOrder>;
  readonly refunds: SandboxRefund[];
  addOrder(input: {
    /** IOTPay's id for the order; generated when absent. */
    payOrderId?: string;
    amountCents: bigint;
    currency: string;
    channelId: string;
    description: string;
  }): SandboxOrder;
  /**
   * Records an accepted refund as "refunding" (status 1) and schedules its settlement; `exceeds` when the order
   * has less left to refund (refunds being refunded count, failed ones give their cents back).
   */
  addRefund(order: SandboxOrder, mchRefundNo: string, refundAmountCents: bigint): SandboxRefund | 'exceeds';
  /** The write side's view: every refund, at once. */
  findRefund(lookup: { mchRefundNo?: string; refundOrderId?: string }): SandboxRefund | undefined;
  /** The read side's view: a refund only once its read lag has passed. */
  findVisibleRefund(lookup: { mchRefundNo?: string; refundOrderId?: string }): SandboxRefund | undefined;
  /** The read lag of refunds executed from now on. */
  setReadLag(ms: number): void;
  settleAll(): Promise<void>;
  close(): void;
}

const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');
const timestamp = (date: Date) => date.toISOString().replace(/\D/g, '').slice(2, 14);

/** The simulated IOTPay's books: paid orders, refunds and what is left to refund on each order. */
export function createSandboxState(options: {
  settleAfterMs: number;
  finalStatus: 2 | 3 | 4;
  readLagMs?: number;
}): SandboxState {
  const orders = new Map<string, SandboxOrder>();
  const refunds: SandboxRefund[] = [];
  // Cents are whole decimals: the shared ledger keeps them exactly.
  const balances = createBalanceLedger();
  let refundSequence = 0;
  let readLagMs = checkedReadLag(options.readLagMs ?? 0);

  const settle = (refund: SandboxRefund) => {
    if (refund.status !== 0 && refund.status !== 1) return;
    refund.status = options.finalStatus;
    if (refund.status === 3) balances.giveBack(refund.payOrderId, String(refund.refundAmountCents));
    else refund.refundSuccTime = Date.now();
  };
  const clock = createSettleClock<SandboxRefund>({ settleAfterMs: options.settleAfterMs, settle });

  const findRefund: SandboxState['findRefund'] = ({ mchRefundNo, refundOrderId }) => {
    // XxPay looks up by mchRefundNo when it is given, else by refundOrderId.
    if (mchRefundNo) return refunds.find((refund) => refund.mchRefundNo === mchRefundNo);
    return refunds.find((refund) => refund.refundOrderId === refundOrderId);
  };

  return {
    orders,
    refunds,
    addOrder(input) {
      const now = new Date();
      if (input.payOrderId !== undefined && orders.has(input.payOrderId)) {
        throw new Error(`the sandbox already has an order ${input.payOrderId}`);
      }
      const order: SandboxOrder = {
        ...input,
        payOrderId: input.payOrderId ?? `U${timestamp(now)}${digits(14)}`,
        mchOrderNo: `M${timestamp(now)}${digits(6)}`,
        paySuccTime: now.getTime(),
      };
      orders.set(order.payOrderId, order);
      balances.open(order.payOrderId, { amount: String(order.amountCents), currency: order.currency });
      return order;
    },
    addRefund(order, mchRefundNo, refundAmountCents) {
      const amount = { amount: String(refundAmountCents), currency: order.currency };
      if (balances.take(order.payOrderId, amount) !== 'taken') return 'exceeds';
      refundSequence++;
      const refund: SandboxRefund = {
        refundOrderId: `R01${timestamp(new Date())}${String(refundSequence).padStart(6, '0')}`,
        mchRefundNo,
        payOrderId: order.payOrderId,
        refundAmountCents,
        currency: order.currency,
        status: 1,
        channelOrderNo: `50${digits(28)}`,
        visibleAt: Date.now() + readLagMs,
      };
      refunds.push(refund);
      clock.schedule(refund);
      return refund;
    },
    findRefund,
    findVisibleRefund(lookup) {
      const refund = findRefund(lookup);
      return refund && Date.now() >= refund.visibleAt ? refund : undefined;
    },
    setReadLag(ms) {
      readLagMs = checkedReadLag(ms);
    },
    settleAll: () => clock.settleAll(refunds),
    close: () => clock.close(),
  };
}

function checkedReadLag(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`readLagMs must be a number >= 0, got ${ms}`);
  return ms;
}
