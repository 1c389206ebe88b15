import { randomInt } from 'node:crypto';
import type { Money } from '@refunds/core';
import { createBalanceLedger } from '@refunds/core/sandbox';

/** How the order was paid, which decides the refund endpoints that accept it. */
export type SandboxOrderKind = 'checkout' | 'address' | 'convert';
export type SandboxRefundEndpoint = 'order' | 'address' | 'convert' | 'checkout' | 'standard';

export interface SandboxOrder {
  prepayId: string;
  kind: SandboxOrderKind;
  status: 'PAID' | 'UNPAID' | 'EXPIRED';
  currency: string;
  amount: string;
  /** What the user paid with; the order currency and amount except for convert orders. */
  payCurrency: string;
  payAmount: string;
  merchantTradeNo: string;
  /** The Gate UID of the payer: where address and convert refunds go. */
  payerGateUid: string;
  description: string;
  createTime: number;
  refundCount: number;
}

/** A refund's amounts: in the order currency, in the pay currency, or (a convert refund) in both. */
export interface SandboxRefundAmounts {
  amount: string | undefined;
  payAmount: string | undefined;
}

export interface SandboxRefund {
  refundRequestId: string;
  refundGateId: string;
  prepayId: string;
  endpoint: SandboxRefundEndpoint;
  /** In the order currency; absent for a convert refund given only in the pay currency. */
  amount: string | undefined;
  payAmount: string | undefined;
  reason: string;
  target: {
    style: number;
    channel: number;
    gateUid: string;
    address: string;
    chain: string;
    bearType: number;
  };
  subAccount: string | undefined;
  status: 'PROCESS' | 'SUCCESS' | 'FAIL';
  createTime: number;
  /** Status queries answer "does not exist" before this time (epoch ms): a read side that lags the writes. */
  visibleAt: number;
  transactTime: number | undefined;
  /** The parameters as received, to tell a replay from a conflicting reuse of the id. */
  fingerprint: string;
  /** The `data` first answered, replayed verbatim for an identical retry. */
  responseData: Record<string, unknown>;
}

export interface SandboxLedger {
  readonly orders: Map<string, SandboxOrder>;
  readonly refunds: Map<string, SandboxRefund>;
  /** Every executed refund, in order. */
  readonly executed: SandboxRefund[];
  seedOrder(input: SeedOrderInput): SandboxOrder;
  /**
   * Takes a refund's amounts from the order's refundable balances, both or neither: false, with nothing taken,
   * when either exceeds what is left in its currency.
   */
  take(order: SandboxOrder, amounts: SandboxRefundAmounts): boolean;
  /** Gives a rejected refund's amounts back to its order. */
  giveBack(order: SandboxOrder, amounts: SandboxRefundAmounts): void;
  /** What the refunds of an order that did not fail took so far, in each currency. */
  refunded(order: SandboxOrder): { amount: string; payAmount: string };
  /** A fresh GatePay-style id: 19 digits, above 2^53 like the real ones. */
  newId(): string;
}

export interface SeedOrderInput {
  amount: Money;
  /**
   * The order id; a fresh 19-digit one when absent. Fixed ids let recorded requests (such as the official SDKs'
   * examples, which use `order-id`) be replayed byte for byte.
   */
  prepayId?: string;
  kind?: SandboxOrderKind;
  payAmount?: Money;
  status?: SandboxOrder['status'];
  description?: string;
}

/**
 * GatePay's orders and refunds. An order's refundable balances are two of core's balance ledgers, one per
 * currency: a convert order was paid in one currency and credited in another, and GatePay caps the refunds of each.
 */
export function createSandboxLedger(): SandboxLedger {
  const orders = new Map<string, SandboxOrder>();
  const inOrderCurrency = createBalanceLedger();
  const inPayCurrency = createBalanceLedger();
  // Epoch milliseconds times a million plus a counter: 19 digits, unique within this sandbox, above 2^53.
  const base = BigInt(Date.now()) * 1_000_000n;
  let sequence = 0n;
  const newId = () => String(base + ++sequence);
  return {
    orders,
    refunds: new Map(),
    executed: [],
    newId,
    seedOrder(input) {
      const kind = input.kind ?? 'checkout';
      const prepayId = input.prepayId ?? newId();
      if (orders.has(prepayId)) throw new Error(`The GatePay sandbox already has an order ${prepayId}.`);
      const order: SandboxOrder = {
        prepayId,
        kind,
        status: input.status ?? 'PAID',
        currency: input.amount.currency,
        amount: input.amount.amount,
        payCurrency: input.payAmount?.currency ?? input.amount.currency,
        payAmount: input.payAmount?.amount ?? input.amount.amount,
        merchantTradeNo: `sandbox-${prepayId}`,
        payerGateUid: `1${String(randomInt(0, 2 ** 47)).padStart(17, '0')}`,
        description: input.description ?? `${kind} order of ${input.amount.amount} ${input.amount.currency}`,
        createTime: Date.now(),
        refundCount: 0,
      };
      orders.set(prepayId, order);
      inOrderCurrency.open(prepayId, { amount: order.amount, currency: order.currency });
      inPayCurrency.open(prepayId, { amount: order.payAmount, currency: order.payCurrency });
      return order;
    },
    take(order, { amount, payAmount }) {
      const { prepayId } = order;
      if (amount && inOrderCurrency.take(prepayId, { amount, currency: order.currency }) !== 'taken') {
        return false;
      }
      if (
        payAmount &&
        inPayCurrency.take(prepayId, { amount: payAmount, currency: order.payCurrency }) !== 'taken'
      ) {
        if (amount) inOrderCurrency.giveBack(prepayId, amount);
        return false;
      }
      return true;
    },
    giveBack(order, { amount, payAmount }) {
      if (amount) inOrderCurrency.giveBack(order.prepayId, amount);
      if (payAmount) inPayCurrency.giveBack(order.prepayId, payAmount);
    },
    refunded: (order) => ({
      amount: inOrderCurrency.get(order.prepayId)?.refunded ?? '0',
      payAmount: inPayCurrency.get(order.prepayId)?.refunded ?? '0',
    }),
  };
}
