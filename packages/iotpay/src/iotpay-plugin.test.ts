import type { RefundProviderV1 } from '@refunds/core';
import { describeRefundPlugin } from '@refunds/core/testing';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import iotpayPlugin from './index';
import sandboxPlugin from './sandbox/index';

describe('the iotpay plugin', () => {
  it('validates the host configuration', () => {
    const good = {
      mchId: '10000576',
      merchantKey: 'k',
      loginName: 'vancent',
      timeoutMs: 5000,
      currency: 'USD',
    };
    expect(v.safeParse(iotpayPlugin.settingsSchema, good).success).toBe(true);
    expect(v.safeParse(iotpayPlugin.settingsSchema, {}).success).toBe(true);
    for (const bad of [
      { mchId: 'x'.repeat(31) },
      { baseUrl: 'not a url' },
      { currency: 'EUR' },
      { refundQueryPath: 'v1/query' },
      { timeoutMs: 0 },
      { nativeIdempotency: 'yes' },
    ]) {
      expect(v.safeParse(iotpayPlugin.settingsSchema, bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('creates a provider from the sandbox settings that refunds a demo order', async () => {
    const sandbox = await sandboxPlugin.start({ settleAfterMs: 10 });
    try {
      const settings = v.parse(iotpayPlugin.settingsSchema, sandbox.settings);
      const provider: RefundProviderV1 = iotpayPlugin.create(settings);
      const [order] = await sandbox.seedDemoOrders();
      if (!order) throw new Error('no demo order');
      const result = await provider.refund({
        refundId: 'demo-1',
        orderId: order.orderId,
        amount: order.amount,
      });
      expect(result.status).toBe('pending');
      await sandbox.settleAll();
      expect((await provider.getRefund({ refundId: 'demo-1' })).status).toBe('succeeded');
      expect(sandbox.executedRefunds()).toEqual([
        expect.objectContaining({ refundId: 'demo-1', status: 'succeeded' }),
      ]);
    } finally {
      await sandbox.close();
    }
  });
});

// The plugin suite every provider runs, beside the IOTPay-specific cases above.
describeRefundPlugin({
  plugin: iotpayPlugin,
  sandboxPlugin,
  secretSettings: ['merchantKey'],
  validSettings: {
    mchId: '10000576',
    merchantKey: 'k',
    loginName: 'vancent',
    timeoutMs: 5000,
    currency: 'USD',
  },
  invalidSettings: [{ mchId: 'x'.repeat(31) }, { currency: 'EUR' }, { timeoutMs: 0 }],
});
