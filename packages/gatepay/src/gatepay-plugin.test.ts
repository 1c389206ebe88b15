import { RefundError } from '@refunds/core';
import { describeRefundPlugin } from '@refunds/core/testing';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import gatePayPlugin from './index';
import gatePaySandboxPlugin from './sandbox/index';

describe('gatepay plugin', () => {
  it('validates a host config and names what is wrong', () => {
    const valid = {
      clientId: 'id',
      secretKey: 'secret',
      baseUrl: 'https://openplatform.gateapi.io',
      onBehalfOf: 'sub-1',
      refundEndpoint: 'convert',
      defaultRefundReason: 'Refund',
      requireSignedResponses: true,
      nativeIdempotency: false,
      notificationToleranceMs: 60_000,
      timeoutMs: 5_000,
      settleWindowMs: 600_000,
      maximumPendingMs: 172_800_000,
    };
    expect(v.parse(gatePayPlugin.settingsSchema, valid)).toEqual(valid);
    expect(v.parse(gatePayPlugin.settingsSchema, {})).toEqual({});
    for (const [invalid, message] of [
      [{ refundEndpoint: 'v3' }, /refundEndpoint must be one of/],
      [{ baseUrl: 'openplatform.gateapi.io' }, /baseUrl must be a URL/],
      [{ timeoutMs: '5000' }, /number/],
      [{ clientId: '' }, /clientId/],
      [{ onBehalfOf: 'has space' }, /onBehalfOf/],
      [{ settleWindowMs: -1 }, /settleWindowMs/],
      [{ maximumPendingMs: 1.5 }, /maximumPendingMs/],
    ] as const) {
      const result = v.safeParse(gatePayPlugin.settingsSchema, invalid);
      expect(result.success, JSON.stringify(invalid)).toBe(false);
      expect(result.issues?.[0]?.message).toMatch(message);
    }
  });

  it('creates a provider from the settings a started sandbox gives, and refunds every demo order', async () => {
    const sandbox = await gatePaySandboxPlugin.start({ settleAfterMs: 20 });
    try {
      const settings = v.parse(gatePayPlugin.settingsSchema, sandbox.settings);
      const provider = gatePayPlugin.create(settings);
      expect(provider.provider).toBe('gatepay');
      for (const [index, order] of (await sandbox.seedDemoOrders()).entries()) {
        const result = await provider.refund({
          refundId: `demo-${index}`,
          orderId: order.orderId,
          amount: order.amount,
          destination: order.destination,
          providerOptions: order.providerOptions,
        });
        expect(result.status).toBe('pending');
      }
      await sandbox.settleAll();
      expect(sandbox.executedRefunds().map((record) => record.status)).toEqual([
        'succeeded',
        'succeeded',
        'succeeded',
      ]);
      expect(await provider.getRefund({ refundId: 'demo-2' })).toMatchObject({ status: 'succeeded' });
    } finally {
      await sandbox.close();
    }
  });

  it('creates a provider whose missing secret is reported at the first call, not at creation', async () => {
    const provider = gatePayPlugin.create({ clientId: 'id', baseUrl: 'http://127.0.0.1:9' });
    const saved = process.env.GATEPAY_SECRET_KEY;
    delete process.env.GATEPAY_SECRET_KEY;
    try {
      const error = await provider.getRefund({ refundId: 'r' }).catch((caught: unknown) => caught);
      expect(RefundError.isInstance(error) && error.field).toBe('secretKey');
    } finally {
      if (saved !== undefined) process.env.GATEPAY_SECRET_KEY = saved;
    }
  });
});

// The plugin suite every provider runs, beside the GatePay-specific cases above.
describeRefundPlugin({
  plugin: gatePayPlugin,
  sandboxPlugin: gatePaySandboxPlugin,
  secretSettings: ['secretKey'],
  validSettings: { clientId: 'id', secretKey: 'secret', refundEndpoint: 'convert', timeoutMs: 5_000 },
  invalidSettings: [{ refundEndpoint: 'v3' }, { clientId: '' }, { settleWindowMs: -1 }],
});
