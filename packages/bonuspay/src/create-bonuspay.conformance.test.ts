import { describeRefundProvider } from '@refunds/core/testing';
import { createBonusPay } from './create-bonuspay';
import { createBonusPaySandbox } from './sandbox/create-bonuspay-sandbox';

describeRefundProvider('bonuspay', async () => {
  // Settlement is left to settleAll, so each case sees the refund as the suite expects.
  const sandbox = await createBonusPaySandbox({ settleAfterMs: 60_000 });
  return {
    sandbox,
    createProvider: (overrides) => createBonusPay({ ...sandbox.settings, ...overrides }),
    orderAmount: { amount: '10.00', currency: 'USDT' },
    partialAmount: '3.00',
    refundPath: 'crypto/refund/placeOrder',
    signedResponses: true,
  };
});
