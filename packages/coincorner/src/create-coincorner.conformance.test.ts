import { describeRefundProvider } from '@refunds/core/testing';
import { createCoinCorner } from './create-coincorner';
import { createCoinCornerSandbox } from './sandbox/create-coincorner-sandbox';

describeRefundProvider('coincorner', async () => {
  const sandbox = await createCoinCornerSandbox({ settleAfterMs: 150 });
  return {
    sandbox,
    createProvider: (overrides) => createCoinCorner({ ...sandbox.settings, ...overrides }),
    orderAmount: { amount: '10.00', currency: 'GBP' },
    partialAmount: '3.00',
    // A forgery of an unsigned webhook is one that does not carry the account's API key.
    tamperNotification: (input) => ({
      ...input,
      body: String(input.body).replace(sandbox.settings.apiKey, '00000000-0000-4000-8000-000000000000'),
    }),
    signedResponses: false,
    // The adapter reads the order (GetOrder) before each refund; faults meant for the refund must skip it.
    refundPath: '/api/RefundOrder',
  };
});
