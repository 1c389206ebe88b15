import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import {
  type DemoOrder,
  type Money,
  type NotificationInput,
  parseMoney,
  type RunningSandbox,
  type SandboxNotificationSubject,
  type SandboxRefundRecord,
} from '@refunds/core';
import {
  createBalanceLedger,
  createLoopbackServer,
  createSettleClock,
  type LoopbackRequest,
} from '@refunds/core/sandbox';
import { type CoinCornerSandboxOptions, defaultSandboxMessages } from './coincorner-sandbox-options';
import { createSandboxNotifier } from './create-sandbox-notifier';
import { handleSandboxRequest } from './handle-sandbox-request';
import { randomTestnetAddress } from './random-testnet-address';
import { createSandboxNonces } from './sandbox-nonces';
import type { SandboxOrder, SandboxState } from './sandbox-state';

/** A type literal (not an interface) so that it stays assignable to `RunningSandbox['settings']`. */
export type CoinCornerSandboxSettings = {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  userId: string;
};

export interface RunningCoinCornerSandbox extends RunningSandbox {
  /** Everything `createCoinCorner` needs, pointing at this sandbox. */
  readonly settings: CoinCornerSandboxSettings;
  /** Every request received, raw bytes included. */
  readonly requests: readonly LoopbackRequest[];
  /** Seeds one paid order; `orderId` chooses its id (e.g. a documented sample's "sample string 1"). */
  seedOrder(input: { amount: Money; orderId?: string }): Promise<DemoOrder>;
  /** CoinCorner's OrderStatus of an order now, as the write side knows it (read lag does not hide it here). */
  orderStatus(orderId: string): number | undefined;
  /** The webhook CoinCorner would post about this order now: `{"OrderId","APIKey"}`. */
  notificationFor(orderId: string): NotificationInput;
  /**
   * The contract's form. CoinCorner's webhook names only the order and carries no status (the provider reads it
   * from CheckOrder), so `latest` and `pending` are the same webhook.
   */
  notificationFor(subject: SandboxNotificationSubject): NotificationInput;
}

const demoOrders: { amount: Money; description: string }[] = [
  {
    amount: { amount: '10.00', currency: 'GBP' },
    description: 'Hardware wallet starter kit, paid in BTC (10.00 GBP)',
  },
  { amount: { amount: '25.50', currency: 'EUR' }, description: 'Conference ticket, paid in BTC (25.50 EUR)' },
  {
    amount: { amount: '120.00', currency: 'GBP' },
    description: 'Annual node-hosting plan, paid in BTC (120.00 GBP)',
  },
];

/** A stateful CoinCorner Checkout on 127.0.0.1: orders, refunds that settle after a delay, webhooks. */
export async function createCoinCornerSandbox(
  options: CoinCornerSandboxOptions = {},
): Promise<RunningCoinCornerSandbox> {
  const credentials = options.credentials ?? {
    apiKey: randomUUID(),
    apiSecret: randomBytes(16).toString('hex'),
    userId: String(randomInt(10_000, 100_000)),
  };
  const notifier = createSandboxNotifier({
    apiKey: credentials.apiKey,
    notificationUrl: options.notificationUrl,
    retryDelaysMs: options.notificationRetryDelaysMs ?? [200, 1_000, 3_000],
  });
  let nextOrderNumber = 100_001;

  const state: SandboxState = {
    credentials,
    orders: new Map(),
    balances: createBalanceLedger(),
    executed: [],
    nonces: createSandboxNonces(options.nonceRule ?? 'strict'),
    messages: { ...defaultSandboxMessages, ...options.messages },
    refundMode: options.refundMode ?? 'single',
    refundAnswer: options.refundAnswer ?? 'empty',
    unknownOrderAnswer: options.unknownOrderAnswer ?? 'http-400',
    authenticationFailureStatus: options.authenticationFailureStatus ?? 400,
    acceptPreservedUserIdCase: options.acceptPreservedUserIdCase ?? false,
    amountMaxDecimals: options.amountMaxDecimals ?? 8,
    readLagMs: checkReadLag(options.readLagMs ?? 0),
    refundCommitted(order) {
      void notifier.notify(order.orderId);
      clock.schedule(order);
    },
  };
  const clock = createSettleClock<SandboxOrder>({ settleAfterMs: options.settleAfterMs ?? 2_000, settle });

  function settle(order: SandboxOrder): Promise<void> {
    const pending = state.executed.filter(
      (record) => record.orderId === order.orderId && record.status === 'pending',
    );
    if (pending.length === 0) return Promise.resolve();
    for (const record of pending) record.status = 'succeeded';
    order.status = -5;
    return notifier.notify(order.orderId);
  }

  function seed(amount: Money, chosenOrderId?: string): DemoOrder {
    const orderId = chosenOrderId ?? String(nextOrderNumber++);
    if (state.orders.has(orderId)) throw new Error(`The sandbox already has an order "${orderId}".`);
    state.orders.set(orderId, {
      orderId,
      invoiceAmount: amount.amount,
      invoiceCurrency: amount.currency,
      paymentAddress: randomTestnetAddress(),
      cryptoAmount: (randomInt(10_000, 10_000_000) / 1e8).toFixed(8),
      status: 2,
    });
    state.balances.open(orderId, amount);
    return {
      orderId,
      amount,
      destination: { address: randomTestnetAddress(), network: 'bitcoin' },
      description: `CoinCorner order ${orderId}, paid (status 2 Complete), ${amount.amount} ${amount.currency}`,
    };
  }

  const server = await createLoopbackServer({ handle: (request) => handleSandboxRequest(state, request) });

  return {
    url: server.url,
    refundPath: '/api/RefundOrder',
    settings: { baseUrl: server.url, ...credentials },
    requests: server.requests,
    async seedDemoOrders() {
      return demoOrders.map(({ amount, description }) => ({ ...seed(amount), description }));
    },
    async seedOrder(input) {
      return seed(parseMoney(input.amount, { maxDecimals: state.amountMaxDecimals }), input.orderId);
    },
    setReadLag(ms) {
      state.readLagMs = checkReadLag(ms);
    },
    executedRefunds: (): readonly SandboxRefundRecord[] => state.executed.map((record) => ({ ...record })),
    settleAll: () => clock.settleAll(state.orders.values()),
    orderStatus: (orderId) => state.orders.get(orderId)?.status,
    notificationFor: (subject: string | SandboxNotificationSubject) =>
      notifier.webhookFor(typeof subject === 'string' ? subject : subject.orderId),
    // CoinCorner's webhook carries no signature: the API key inside it is its only authentication.
    notificationBodySigned: false,
    injectFault: (rule) => server.injectFault(rule),
    clearFaults: () => server.clearFaults(),
    async close() {
      clock.close();
      await notifier.close();
      await server.close();
    },
  };
}

function checkReadLag(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`readLagMs must be a number of ms >= 0, got ${ms}`);
  return ms;
}
