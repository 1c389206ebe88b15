import { describeRefundProvider } from '@refunds/core/testing';
import type { __Name__Settings } from './__name__-settings';
import { create__Name__ } from './create-__name__';
import { create__Name__Sandbox } from './sandbox/create-__name__-sandbox';

// The suite every provider passes, run against the sandbox; which cases run follows the declared capabilities.
describeRefundProvider('__name__', async () => {
  const sandbox = await create__Name__Sandbox({ settleAfterMs: 100 });
  return {
    sandbox,
    createProvider: (overrides?: { timeoutMs?: number }) =>
      create__Name__({ ...(sandbox.settings as __Name__Settings), ...overrides }),
    orderAmount: { amount: '10.00', currency: 'USD' },
    partialAmount: '3.00',
    refundPath: '/v1/refunds',
    signedResponses: true,
  };
});
