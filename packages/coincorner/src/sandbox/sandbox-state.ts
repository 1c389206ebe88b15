import type { SandboxRefundRecord } from '@refunds/core';
import type { BalanceLedger } from '@refunds/core/sandbox';
import type { CoinCornerSandboxMessages } from './coincorner-sandbox-options';
import type { createSandboxNonces } from './sandbox-nonces';

export interface SandboxOrder {
  orderId: string;
  invoiceAmount: string;
  invoiceCurrency: string;
  paymentAddress: string;
  /** The BTC the customer paid, as GetOrder's CryptoAmount. */
  cryptoAmount: string;
  /** CoinCorner's OrderStatus: 2 Complete, -4 Pending Refund, -5 Refunded, ... */
  status: number;
  /**
   * While the read side lags (`readLagMs`): the status that status queries still show, and until when (epoch
   * ms). The write side (RefundOrder) always sees the real status.
   */
  shownBefore?: { status: number; until: number };
}

export interface SandboxCredentials {
  apiKey: string;
  apiSecret: string;
  userId: string;
}

/** Everything the request handlers read and change. */
export interface SandboxState {
  credentials: SandboxCredentials;
  orders: Map<string, SandboxOrder>;
  /** What each order has left to refund, in its invoice currency. */
  balances: BalanceLedger;
  executed: SandboxRefundRecord[];
  nonces: ReturnType<typeof createSandboxNonces>;
  messages: CoinCornerSandboxMessages;
  refundMode: 'single' | 'cumulative';
  refundAnswer: 'empty' | 'json-string';
  unknownOrderAnswer: 'http-400' | 'status-na';
  authenticationFailureStatus: 400 | 401;
  acceptPreservedUserIdCase: boolean;
  amountMaxDecimals: number;
  /** How long a refund stays invisible to CheckOrder and GetOrder after it executed. Changed by setReadLag. */
  readLagMs: number;
  /** Called once a refund is committed: schedules its settlement and the webhook. */
  refundCommitted(order: SandboxOrder, record: SandboxRefundRecord): void;
}

export const sandboxOrderStatusTexts: Readonly<Record<string, string>> = {
  '0': 'Awaiting Payment',
  '1': 'Pending Confirmation',
  '2': 'Complete',
  '-1': 'Cancelled',
  '-2': 'Expired',
  '-4': 'Pending Refund',
  '-5': 'Refunded',
  '-99': 'Pending (Invoice Order)',
};

/** The status CheckOrder and GetOrder report now: the real one, unless a refund is still hidden by read lag. */
export function visibleOrderStatus(order: SandboxOrder, now = Date.now()): number {
  return order.shownBefore && now < order.shownBefore.until ? order.shownBefore.status : order.status;
}
