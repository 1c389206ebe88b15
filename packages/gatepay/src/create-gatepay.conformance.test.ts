import { describeRefundProvider } from '@refunds/core/testing';
import { createGatePay } from './create-gatepay';
import { createGatePaySandbox } from './sandbox/create-gatepay-sandbox';

// The whole refunds-v1 suite, against the stateful simulator, with GatePay's defaults: V2 refunds, details
// queries, signed notifications, no claim of native idempotency.
describeRefundProvider('gatepay', async () => {
  const sandbox = await createGatePaySandbox({ settleAfterMs: 60_000 });
  return {
    sandbox,
    createProvider: (overrides) => createGatePay({ ...sandbox.settings, ...overrides }),
    orderAmount: { amount: '10.00', currency: 'USDT' },
    partialAmount: '3.5',
    signedResponses: true,
  };
});

// Once a merchant has GatePay's word that a reused refundRequestId is replayed, the capability can be declared;
// the sandbox's default replays identical requests, so the duplicate-id case runs too.
describeRefundProvider('gatepay (nativeIdempotency declared, v1 order endpoint)', async () => {
  const sandbox = await createGatePaySandbox({ settleAfterMs: 60_000, duplicateRefundRequestId: 'replay' });
  return {
    sandbox,
    createProvider: (overrides) =>
      createGatePay({ ...sandbox.settings, nativeIdempotency: true, refundEndpoint: 'order', ...overrides }),
    orderAmount: { amount: '0.5', currency: 'BTC' },
    partialAmount: '0.125',
    signedResponses: true,
  };
});
