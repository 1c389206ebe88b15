import { randomBytes, randomInt } from 'node:crypto';
import {
  type DemoOrder,
  formatAmount,
  fromMinorUnits,
  type Money,
  parseMoney,
  type RunningSandbox,
  type SandboxRefundRecord,
  toMinorUnits,
} from '@refunds/core';
import { createLoopbackServer, type LoopbackRequest, type LoopbackResponse } from '@refunds/core/sandbox';
import { handleQueryOrder } from './handle-query-order';
import { handleQueryRefundOrder } from './handle-query-refund-order';
import { handleRefundOrder } from './handle-refund-order';
import type { IotPaySandboxOptions } from './iotpay-sandbox-options';
import { readSandboxParams } from './read-sandbox-params';
import { sandboxSignatureFaults } from './sandbox-signature-faults';
import { createSandboxState, type SandboxOrder, type SandboxRefundStatus } from './sandbox-state';

export interface IotPaySandbox extends RunningSandbox {
  /** Every HTTP request the sandbox received, raw bytes included. */
  readonly requests: readonly LoopbackRequest[];
  /** Seeds one paid order; `orderId` fixes its payOrderId, to replay a recorded request that names one. */
  seedOrder(input: { amount: Money; orderId?: string }): Promise<DemoOrder>;
}

const demoOrders = [
  {
    amount: { amount: '25.00', currency: 'CAD' },
    channelId: 'WX_NATIVE',
    description: 'Coffee subscription paid by WeChat Pay QR',
  },
  {
    amount: { amount: '120.50', currency: 'CAD' },
    channelId: 'ALIPAY_QR',
    description: 'Winter jacket paid by Alipay QR',
  },
  {
    amount: { amount: '9.99', currency: 'USD' },
    channelId: 'UPI_QR',
    description: 'E-book paid by UnionPay QR',
  },
];

const refundStatuses: Record<SandboxRefundStatus, SandboxRefundRecord['status']> = {
  0: 'pending',
  1: 'pending',
  2: 'succeeded',
  3: 'failed',
  4: 'succeeded',
};

/**
 * A stateful fake of IOTPay's v1 refund API on 127.0.0.1: it verifies every `sign` as the real server does,
 * keeps paid orders and their refundable balance, answers with IOTPay's envelopes and codes, and settles each
 * accepted refund after `settleAfterMs`. IOTPay's v1 protocol has no timestamp or nonce, and no refund
 * notification, so the sandbox enforces and sends none.
 */
export async function createIotPaySandbox(options: IotPaySandboxOptions = {}): Promise<IotPaySandbox> {
  const merchant = {
    mchId: options.mchId ?? String(randomInt(10_000_000, 99_999_999)),
    merchantKey: options.merchantKey ?? `sandbox_${randomBytes(24).toString('hex')}`,
    loginName: options.loginName ?? `sandbox${randomInt(1000, 9999)}`,
  };
  const refundQueryPath = options.refundQueryPath ?? '/v1/query_refund_order';
  const state = createSandboxState({
    settleAfterMs: options.settleAfterMs ?? 2_000,
    finalStatus: options.finalStatus ?? 2,
    readLagMs: options.readLagMs,
  });

  const handle = (request: LoopbackRequest): LoopbackResponse => {
    const known = ['/v1/refund_order', refundQueryPath, '/v1/query_order'];
    if (!known.includes(request.path)) return { status: 404, body: '{"error":"Not Found"}' };
    const read = readSandboxParams(request, { strictContentType: options.strictContentType });
    if ('failure' in read) return read.failure;
    if (request.path === '/v1/refund_order') return handleRefundOrder(read.params, merchant, state, options);
    if (request.path === refundQueryPath)
      return handleQueryRefundOrder(read.params, merchant, state, options);
    return handleQueryOrder(read.params, merchant, state);
  };
  const server = await createLoopbackServer({ handle, signature: sandboxSignatureFaults });

  const toDemoOrder = (order: SandboxOrder, amount: Money): DemoOrder => ({
    orderId: order.payOrderId,
    amount,
    description: `${order.description}: ${amount.amount} ${amount.currency} (IOTPay order ${order.payOrderId})`,
  });
  const seed = (amount: Money, channelId: string, description: string, payOrderId?: string): DemoOrder => {
    const money = parseMoney(amount, { currencies: ['CAD', 'USD'], maxDecimals: 2 });
    const order = state.addOrder({
      payOrderId,
      amountCents: toMinorUnits(money.amount, 2),
      currency: money.currency,
      channelId,
      description,
    });
    return toDemoOrder(order, { amount: formatAmount(money.amount, 2), currency: money.currency });
  };

  return {
    url: server.url,
    refundPath: '/v1/refund_order',
    settings: { ...merchant, clientIp: '127.0.0.1', baseUrl: server.url, refundQueryPath },
    requests: server.requests,
    seedDemoOrders: async () =>
      demoOrders.map((order) => seed(order.amount, order.channelId, order.description)),
    seedOrder: async ({ amount, orderId }) =>
      seed(amount, 'WX_NATIVE', 'Sandbox order paid by WeChat Pay QR', orderId),
    executedRefunds: () =>
      state.refunds.map((refund) => ({
        orderId: refund.payOrderId,
        refundId: refund.mchRefundNo,
        providerRefundId: refund.refundOrderId,
        amount: formatAmount(fromMinorUnits(refund.refundAmountCents, 2), 2),
        status: refundStatuses[refund.status],
      })),
    settleAll: async () => state.settleAll(),
    setReadLag: (ms) => state.setReadLag(ms),
    injectFault: (rule) => server.injectFault(rule),
    clearFaults: () => server.clearFaults(),
    close: async () => {
      state.close();
      await server.close();
    },
  };
}
