import type { DemoOrder } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { freshDemoOrders } from './fresh-demo-orders';

const order = (orderId: string, description = `order ${orderId}`): DemoOrder => ({
  orderId,
  amount: { amount: '10.00', currency: 'GBP' },
  description,
});

/** A sandbox that numbers its orders from the same start every run, as CoinCorner's does. */
function countingSandbox(start: number) {
  let next = start;
  return { seedOrder: async () => order(String(next++), 'seeded') };
}

describe('freshDemoOrders', () => {
  it('keeps demo orders the ledger does not know', async () => {
    const demoOrders = new Map([['coincorner:sandbox', [order('100001'), order('100002')]]]);
    const result = await freshDemoOrders({
      demoOrders,
      sandboxes: new Map([['coincorner:sandbox', countingSandbox(100_003)]]),
      isUsed: async () => false,
    });
    expect(result).toEqual({ demoOrders, warnings: [] });
  });

  it('replaces an order an earlier run refunded with a new one of the same amount', async () => {
    const used = new Set(['coincorner:sandbox/100001', 'coincorner:sandbox/100003']);
    const result = await freshDemoOrders({
      demoOrders: new Map([['coincorner:sandbox', [order('100001'), order('100002')]]]),
      sandboxes: new Map([['coincorner:sandbox', countingSandbox(100_003)]]),
      isUsed: async (account, orderId) => used.has(`${account}/${orderId}`),
    });
    expect(result.demoOrders.get('coincorner:sandbox')?.map((demo) => demo.orderId)).toEqual([
      '100004',
      '100002',
    ]);
    expect(result.demoOrders.get('coincorner:sandbox')?.[0]).toEqual(order('100004', 'seeded'));
    expect(result.warnings).toEqual([]);
  });

  it('gives up on an order after the maximum attempts, with a warning, rather than loop', async () => {
    const result = await freshDemoOrders({
      demoOrders: new Map([['coincorner:sandbox', [order('100001')]]]),
      sandboxes: new Map([['coincorner:sandbox', countingSandbox(100_002)]]),
      isUsed: async () => true,
      maximumAttempts: 5,
    });
    expect(result.demoOrders.get('coincorner:sandbox')).toEqual([]);
    expect(result.warnings).toEqual([
      'coincorner:sandbox: found no 10.00 GBP demo order the ledger does not already hold a refund of (5 tried)',
    ]);
  });
});
