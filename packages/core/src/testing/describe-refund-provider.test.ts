import { createMemoryPay } from './__fixtures__/memory-pay-provider';
import { createMemoryPaySandbox, signMemoryPay } from './__fixtures__/memory-pay-sandbox';
import { describeRefundProvider } from './describe-refund-provider';

// The suite run against a provider written for this test: if a case is wrong, it fails here first.
describeRefundProvider('memorypay', async () => {
  const sandbox = await createMemoryPaySandbox();
  return {
    sandbox,
    createProvider: (overrides) => createMemoryPay({ baseUrl: sandbox.url, ...overrides }),
    orderAmount: { amount: '10.00', currency: 'USD' },
    partialAmount: '3.00',
    signedResponses: true,
    notificationFor: async ({ refundId }) => {
      const record = sandbox.executedRefunds().find((refund) => refund.refundId === refundId);
      const body = JSON.stringify(record);
      return { body, headers: { 'x-memory-signature': signMemoryPay(body) } };
    },
  };
});
