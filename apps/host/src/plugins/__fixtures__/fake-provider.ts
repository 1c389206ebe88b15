import {
  type DemoOrder,
  definePlugin,
  type PluginContext,
  type ReconciliationHints,
  type RefundProviderV1,
  type RefundSandboxPlugin,
  type RunningSandbox,
} from '@refunds/core';
import * as v from 'valibot';

/** The settings each fake provider was created with, keyed by provider id, for assertions. */
export type CreatedSettings = Map<string, Record<string, unknown>[]>;

export interface FakePluginOptions {
  /** The provider's own reconciliation defaults. */
  reconciliation?: ReconciliationHints;
  /** Every context `create` was handed (undefined when none was). */
  contexts?: (PluginContext | undefined)[];
}

export function fakePlugin(
  id: string,
  created: CreatedSettings = new Map(),
  options: FakePluginOptions = {},
) {
  return definePlugin({
    id,
    settingsSchema: v.strictObject({
      merchantId: v.pipe(v.string(), v.minLength(3)),
      secretKey: v.pipe(v.string(), v.minLength(16)),
      baseUrl: v.optional(v.pipe(v.string(), v.url())),
      timeoutMs: v.optional(v.number()),
    }),
    secretSettings: ['secretKey'],
    create: (settings, context) => {
      created.set(id, [...(created.get(id) ?? []), settings]);
      options.contexts?.push(context);
      const provider = fakeProvider(id);
      return options.reconciliation === undefined
        ? provider
        : { ...provider, reconciliation: options.reconciliation };
    },
  });
}

export function fakeProvider(id: string): RefundProviderV1 {
  return {
    specificationVersion: 'refunds-v1',
    provider: id,
    capabilities: {
      partialRefund: true,
      multipleRefunds: true,
      statusQuery: true,
      notifications: false,
      nativeIdempotency: true,
    },
    refund: async (request) => ({ ...request, provider: id, status: 'pending', raw: {} }),
    getRefund: async (lookup) => ({
      refundId: lookup.refundId,
      provider: id,
      status: 'succeeded',
      amount: { amount: '1.00', currency: 'USD' },
      raw: {},
    }),
  };
}

export interface FakeSandboxState {
  started: { notificationUrl?: string; settleAfterMs?: number }[];
  closed: number;
}

export function fakeSandboxPlugin(
  id: string,
  state: FakeSandboxState,
  options: { currency?: string; failStart?: boolean } = {},
): RefundSandboxPlugin {
  return {
    specificationVersion: 'refunds-v1',
    id,
    start: async (startOptions = {}) => {
      if (options.failStart) throw new Error(`${id} sandbox could not bind a port`);
      state.started.push(startOptions);
      const url = `http://127.0.0.1:4${state.started.length}00`;
      const order = (orderId: string): DemoOrder => ({
        orderId,
        amount: { amount: '10.00', currency: options.currency ?? 'USD' },
        description: `a paid ${id} order`,
      });
      const running: RunningSandbox = {
        url,
        settings: {
          merchantId: `${id}-merchant`,
          secretKey: `${id}-sandbox-secret-0123456789`,
          baseUrl: url,
        },
        seedDemoOrders: async () => [order(`${id}-demo-1`), order(`${id}-demo-2`)],
        seedOrder: async () => order(`${id}-seeded`),
        executedRefunds: () => [],
        settleAll: async () => {},
        setReadLag: () => {},
        injectFault: () => {},
        clearFaults: () => {},
        close: async () => {
          state.closed += 1;
        },
      };
      return running;
    },
  };
}
