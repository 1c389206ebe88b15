import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import plugin from './index';
import sandboxPlugin from './sandbox/index';

describe('the CoinCorner plugin', () => {
  it('is a refunds-v1 plugin whose secrets are the API key and secret', () => {
    expect(plugin).toMatchObject({ specificationVersion: 'refunds-v1', id: 'coincorner' });
    expect(plugin.secretSettings).toEqual(['apiKey', 'apiSecret']);
  });

  it('validates a host config and refuses bad values naming them', () => {
    const config = {
      apiKey: 'x',
      apiSecret: 'y',
      userId: '1',
      refundType: 0,
      timeoutMs: 5000,
      package: '@refunds/coincorner',
    };
    expect(v.parse(plugin.settingsSchema, config)).toEqual({
      apiKey: 'x',
      apiSecret: 'y',
      userId: '1',
      refundType: 0,
      timeoutMs: 5000,
    });
    for (const bad of [
      { refundType: -1 },
      { userIdCase: 'upper' },
      { baseUrl: 'nope' },
      { timeoutMs: '5000' },
    ]) {
      const result = v.safeParse(plugin.settingsSchema, bad);
      expect(result.success).toBe(false);
      expect(result.issues?.[0]?.path?.[0]?.key).toBe(Object.keys(bad)[0]);
    }
  });

  it('starts a sandbox whose settings the plugin accepts, with demo orders that can be refunded', async () => {
    expect(sandboxPlugin).toMatchObject({ specificationVersion: 'refunds-v1', id: 'coincorner' });
    const sandbox = await sandboxPlugin.start({ settleAfterMs: 50 });
    try {
      const provider = plugin.create(v.parse(plugin.settingsSchema, sandbox.settings));
      const demo = await sandbox.seedDemoOrders();
      expect(demo).toHaveLength(3);
      for (const order of demo) {
        expect(order.description).not.toBe('');
        await provider.refund({
          refundId: `demo-${order.orderId}`,
          orderId: order.orderId,
          amount: order.amount,
          destination: order.destination,
        });
      }
      await sandbox.settleAll();
      expect(sandbox.executedRefunds().map((record) => record.status)).toEqual([
        'succeeded',
        'succeeded',
        'succeeded',
      ]);
    } finally {
      await sandbox.close();
    }
  });
});
