import { describeRefundProvider } from '@refunds/core/testing';
import { createIotPay } from './create-iotpay';
import type { IotPaySettings } from './iotpay-settings';
import { createIotPaySandbox } from './sandbox/create-iotpay-sandbox';

const subject = (settings: IotPaySettings) => async () => {
  const sandbox = await createIotPaySandbox({ settleAfterMs: 100 });
  return {
    sandbox,
    createProvider: (overrides?: { timeoutMs?: number }) =>
      createIotPay({ ...(sandbox.settings as IotPaySettings), ...settings, ...overrides }),
    orderAmount: { amount: '10.00', currency: 'CAD' },
    partialAmount: '3.00',
    signedResponses: true,
  };
};

describeRefundProvider('iotpay', subject({}));

// The sandbox rejects a reused mchRefundNo as the reference infers; with that confirmed by IOTPay, an account may
// declare native idempotency, and the suite then proves a resent refund id never pays twice.
describeRefundProvider('iotpay (nativeIdempotency declared)', subject({ nativeIdempotency: true }));
