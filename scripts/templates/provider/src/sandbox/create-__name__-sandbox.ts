import { type DemoOrder, type Money, parseMoney, type RunningSandbox, randomNonce } from '@refunds/core';
import { createLoopbackServer, type LoopbackRequest, type LoopbackResponse } from '@refunds/core/sandbox';
import { __camel__SandboxDefaults, type __Name__SandboxOptions } from './__name__-sandbox-options';
import { authenticateRequest } from './authenticate-request';
import { handleCreateRefund } from './handle-create-refund';
import { handleQueryRefund } from './handle-query-refund';
import { refusal, sandboxSignatureFaults } from './sandbox-answers';
import { createSandboxState, type SandboxOrder } from './sandbox-state';

export interface __Name__Sandbox extends RunningSandbox {
  /** Every HTTP request the sandbox received, raw bytes included. */
  readonly requests: readonly LoopbackRequest[];
}

// TODO: orders that look like __Name__'s, in the currencies it takes.
const demoOrders = [
  { amount: { amount: '25.00', currency: 'USD' }, description: 'Annual plan' },
  { amount: { amount: '120.50', currency: 'EUR' }, description: 'Winter jacket' },
  { amount: { amount: '9.99', currency: 'USD' }, description: 'E-book' },
];

/**
 * A stateful fake of __Name__ on 127.0.0.1: it checks the merchant, the timestamp window and the signature of
 * every request, keeps paid orders and their refundable balance, replays a reused refund id, signs every answer
 * and settles each refund after `settleAfterMs`. TODO: __Name__'s real endpoints, envelopes and codes.
 */
export async function create__Name__Sandbox(options: __Name__SandboxOptions = {}): Promise<__Name__Sandbox> {
  const merchant = {
    merchantId: `M${randomNonce(10, '0123456789')}`,
    secretKey: `sandbox_${randomNonce(40)}`,
  };
  const state = createSandboxState({
    settleAfterMs: options.settleAfterMs ?? __camel__SandboxDefaults.settleAfterMs,
    readLagMs: options.readLagMs ?? __camel__SandboxDefaults.readLagMs,
  });

  const handle = async (request: LoopbackRequest): Promise<LoopbackResponse> => {
    const refused = await authenticateRequest(request, merchant);
    if (refused) return refused;
    if (request.method === 'POST' && request.path === '/v1/refunds') {
      return handleCreateRefund(request, merchant.secretKey, state);
    }
    const query = /^\/v1\/refunds\/([^/]+)$/.exec(request.path);
    if (request.method === 'GET' && query?.[1]) {
      return handleQueryRefund(decodeURIComponent(query[1]), merchant.secretKey, state);
    }
    return refusal(merchant.secretKey, 404, 'NOT_FOUND', `no endpoint ${request.method} ${request.path}`);
  };
  const server = await createLoopbackServer({ handle, signature: sandboxSignatureFaults });

  const toDemoOrder = (order: SandboxOrder): DemoOrder => ({
    orderId: order.orderId,
    amount: { amount: order.amount, currency: order.currency },
    description: `${order.description}: ${order.amount} ${order.currency} (__Name__ order ${order.orderId})`,
  });
  const seed = (amount: Money, description: string): DemoOrder => {
    const money = parseMoney(amount);
    return toDemoOrder(state.addOrder({ amount: money.amount, currency: money.currency, description }));
  };

  return {
    url: server.url,
    settings: { ...merchant, baseUrl: server.url },
    requests: server.requests,
    seedDemoOrders: async () => demoOrders.map((order) => seed(order.amount, order.description)),
    seedOrder: async ({ amount }) => seed(amount, 'Sandbox order'),
    executedRefunds: () => state.executedRefunds(),
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
