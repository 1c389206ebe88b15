import { createHash } from 'node:crypto';
import type { NonceSource } from '@refunds/core';
import { describeRefundPlugin } from '@refunds/core/testing';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import plugin, { coincornerReconciliationDefaults } from './index';
import sandboxPlugin from './sandbox/index';

describe('the CoinCorner plugin', () => {
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

  it("takes its nonces from the host's source, scoped by a hash of the API key that does not reveal it", async () => {
    const sandbox = await sandboxPlugin.start({ settleAfterMs: 60_000 });
    try {
      const scopes: string[] = [];
      const handedOut: number[] = [];
      let last = 0;
      const hostSource: NonceSource = {
        async next(floor) {
          last = Math.max(floor, last + 1) + 1_000;
          handedOut.push(last);
          return last;
        },
      };
      const provider = plugin.create(v.parse(plugin.settingsSchema, sandbox.settings), {
        nonceSource: (scope) => {
          scopes.push(scope);
          return hostSource;
        },
      });
      const [order] = await sandbox.seedDemoOrders();
      if (!order) throw new Error('no demo order');
      await provider.refund({ refundId: 'hosted', ...order });
      const apiKey = String(sandbox.settings.apiKey);
      const digest = createHash('sha256').update(apiKey.toLowerCase()).digest('hex');
      expect(scopes).toEqual([`coincorner:${digest.slice(0, 16)}`]);
      expect(scopes[0]).not.toContain(apiKey.toLowerCase());
      const sent = (sandbox as unknown as { requests: { text: string }[] }).requests.map((request) =>
        Number(new URLSearchParams(request.text).get('Nonce')),
      );
      expect(sent).toEqual(handedOut);
    } finally {
      await sandbox.close();
    }
  });

  it('hints the reconciler with documented defaults, overridable per account', () => {
    const settings = { apiKey: 'x', apiSecret: 'y', userId: '1' };
    expect(plugin.create(v.parse(plugin.settingsSchema, settings)).reconciliation).toEqual({
      settleWindowMs: 120_000,
      maximumPendingMs: 259_200_000,
    });
    expect(coincornerReconciliationDefaults).toEqual({
      settleWindowMs: 120_000,
      maximumPendingMs: 259_200_000,
    });
    const overridden = v.parse(plugin.settingsSchema, {
      ...settings,
      reconciliation: { settleWindowMs: 5_000 },
    });
    expect(plugin.create(overridden).reconciliation).toEqual({
      settleWindowMs: 5_000,
      maximumPendingMs: 259_200_000,
    });
    expect(v.safeParse(plugin.settingsSchema, { reconciliation: { maximumPendingMs: -1 } }).success).toBe(
      false,
    );
  });
});

// The plugin suite every provider runs, beside the CoinCorner-specific cases above.
describeRefundPlugin({
  plugin,
  sandboxPlugin,
  secretSettings: ['apiKey', 'apiSecret'],
  validSettings: { apiKey: 'x', apiSecret: 'y', userId: '1', refundType: 0, timeoutMs: 5000 },
  invalidSettings: [{ refundType: -1 }, { userIdCase: 'upper' }, { baseUrl: 'nope' }],
});
