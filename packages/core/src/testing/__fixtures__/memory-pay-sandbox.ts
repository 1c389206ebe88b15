import { createHmac } from 'node:crypto';
import type { DemoOrder, RunningSandbox, SandboxRefundRecord } from '../../contract/refund-sandbox-plugin';
import { addAmounts, compareAmounts } from '../../money/index';
import { createLoopbackServer, type LoopbackResponse } from '../../sandbox/create-loopback-server';

export const memoryPaySecret = 'memory-pay-test-secret';

/** Signs a body the way the made-up MemoryPay protocol does: hex HMAC-SHA256 in `x-memory-signature`. */
export const signMemoryPay = (body: string): string =>
  createHmac('sha256', memoryPaySecret).update(body).digest('hex');

/**
 * The smallest stateful provider that exercises the whole conformance suite: signed requests and responses,
 * refundable balances, id de-duplication, delayed settlement and signed notifications.
 */
export async function createMemoryPaySandbox(): Promise<RunningSandbox> {
  const orders = new Map<string, { amount: string; currency: string; refunded: string }>();
  const refunds = new Map<string, SandboxRefundRecord & { currency: string }>();
  // When each refund becomes visible to status queries: a provider whose read side lags its writes.
  const visibleFrom = new Map<string, number>();
  let readLagMs = 0;
  let orderSequence = 0;

  const signed = (status: number, payload: unknown): LoopbackResponse => {
    const body = JSON.stringify(payload);
    return { status, headers: { 'x-memory-signature': signMemoryPay(body) }, body };
  };

  const server = await createLoopbackServer({
    signature: {
      strip: (response) => ({ ...response, headers: {} }),
      tamper: (response) => ({ ...response, headers: { 'x-memory-signature': '0'.repeat(64) } }),
    },
    handle: (request) => {
      if (request.headers.get('x-memory-signature') !== signMemoryPay(request.text)) {
        return signed(401, { error: 'bad_signature' });
      }
      if (request.method === 'GET') {
        const refundId = request.url.searchParams.get('refundId') ?? '';
        const refund = refunds.get(refundId);
        const visible = Date.now() >= (visibleFrom.get(refundId) ?? 0);
        return refund && visible ? signed(200, refund) : signed(404, { error: 'refund_not_found' });
      }
      const body = JSON.parse(request.text) as {
        refundId: string;
        orderId: string;
        amount: string;
        currency: string;
      };
      const existing = refunds.get(body.refundId);
      if (existing) return signed(200, existing);
      const order = orders.get(body.orderId);
      if (!order) return signed(404, { error: 'order_not_found' });
      const refunded = addAmounts(order.refunded, body.amount);
      if (compareAmounts(refunded, order.amount) > 0) return signed(422, { error: 'amount_exceeded' });
      order.refunded = refunded;
      const record = {
        orderId: body.orderId,
        refundId: body.refundId,
        amount: body.amount,
        currency: body.currency,
        status: 'pending' as const,
      };
      refunds.set(body.refundId, record);
      visibleFrom.set(body.refundId, Date.now() + readLagMs);
      return signed(200, record);
    },
  });

  const seedOrder = async ({
    amount,
  }: {
    amount: { amount: string; currency: string };
  }): Promise<DemoOrder> => {
    const orderId = `mp-${++orderSequence}`;
    orders.set(orderId, { amount: amount.amount, currency: amount.currency, refunded: '0' });
    return { orderId, amount, description: `MemoryPay order of ${amount.amount} ${amount.currency}` };
  };

  return {
    url: server.url,
    settings: { baseUrl: server.url },
    seedOrder,
    seedDemoOrders: async () => [await seedOrder({ amount: { amount: '10.00', currency: 'USD' } })],
    executedRefunds: () => [...refunds.values()].map(({ currency: _currency, ...record }) => record),
    settleAll: async () => {
      for (const refund of refunds.values()) refund.status = 'succeeded';
    },
    setReadLag: (ms) => {
      readLagMs = ms;
    },
    injectFault: (rule) => server.injectFault(rule),
    clearFaults: () => server.clearFaults(),
    close: () => server.close(),
  };
}
