import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describeRefundPlugin } from '@refunds/core/testing';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import bonusPayPlugin, * as entry from './index';
import bonusPaySandboxPlugin from './sandbox/index';

describe('bonuspay plugin', () => {
  it('declares itself to the host', () => {
    expect(Object.isFrozen(bonusPayPlugin)).toBe(true);
    expect(entry.createBonusPay).toBeTypeOf('function');
    expect(entry.createBonusPayClient).toBeTypeOf('function');
  });

  it('validates the host configuration and names what is wrong', () => {
    const parse = (input: unknown) => v.safeParse(bonusPayPlugin.settingsSchema, input);
    expect(parse({}).success).toBe(true);
    expect(parse({ partnerId: '200000000888', environment: 'sandbox', timeoutMs: 5000 }).success).toBe(true);
    expect(parse({ settleWindowMs: 0, maximumPendingMs: 3_600_000 }).success).toBe(true);
    for (const [input, key] of [
      [{ partnerId: '2000000008881' }, 'partnerId'],
      [{ environment: 'staging' }, 'environment'],
      [{ baseUrl: 'not a url' }, 'baseUrl'],
      [{ timeoutMs: 0 }, 'timeoutMs'],
      [{ orderIdField: 'orderNo' }, 'orderIdField'],
      [{ assets: { USDT: { decimals: 9, chains: ['TRON'] } } }, 'assets'],
      [{ settleWindowMs: -1 }, 'settleWindowMs'],
      [{ maximumPendingMs: 1.5 }, 'maximumPendingMs'],
    ] as const) {
      const result = parse(input);
      expect(result.success).toBe(false);
      expect(result.issues?.[0]?.path?.[0]?.key).toBe(key);
    }
  });

  it('hands the host its reconciliation hints, overridable per account', () => {
    expect(bonusPayPlugin.create({ settleWindowMs: 10_000 }).reconciliation).toEqual({
      settleWindowMs: 10_000,
      maximumPendingMs: 172_800_000,
    });
  });

  it('starts a sandbox whose read side lags when the host asks for it', async () => {
    const sandbox = await bonusPaySandboxPlugin.start({ settleAfterMs: 60_000, readLagMs: 60_000 });
    try {
      const provider = bonusPayPlugin.create(v.parse(bonusPayPlugin.settingsSchema, sandbox.settings));
      const order = await sandbox.seedOrder({ amount: { amount: '3.00', currency: 'USDT' } });
      await provider.refund({
        refundId: 'lag-1',
        orderId: order.orderId,
        amount: order.amount,
        destination: order.destination,
      });
      await expect(provider.getRefund({ refundId: 'lag-1' })).rejects.toMatchObject({ code: 'not_found' });
      expect(sandbox.executedRefunds()).toHaveLength(1);
    } finally {
      await sandbox.close();
    }
  });

  it('creates a working provider from what its sandbox plugin hands over', async () => {
    expect(bonusPaySandboxPlugin).toMatchObject({ specificationVersion: 'refunds-v1', id: 'bonuspay' });
    const sandbox = await bonusPaySandboxPlugin.start({ settleAfterMs: 20 });
    try {
      const settings = v.parse(bonusPayPlugin.settingsSchema, sandbox.settings);
      const provider = bonusPayPlugin.create(settings);
      const [order] = await sandbox.seedDemoOrders();
      if (!order) throw new Error('no demo order');
      const result = await provider.refund({
        refundId: 'plugin-1',
        orderId: order.orderId,
        amount: order.amount,
        destination: order.destination,
      });
      expect(result.status).toBe('pending');
      await sandbox.settleAll();
      expect(sandbox.executedRefunds()).toEqual([
        expect.objectContaining({ orderId: order.orderId, refundId: 'plugin-1', status: 'succeeded' }),
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it('keeps node: imports out of the runtime code, which must run on edge runtimes', () => {
    const root = import.meta.dirname;
    const runtimeFiles = (directory: string): string[] =>
      readdirSync(directory, { withFileTypes: true }).flatMap((item) => {
        const path = join(directory, item.name);
        if (item.isDirectory())
          return ['sandbox', '__fixtures__'].includes(item.name) ? [] : runtimeFiles(path);
        return item.name.endsWith('.ts') && !item.name.endsWith('.test.ts') ? [path] : [];
      });
    const files = runtimeFiles(root);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) =>
      /from ['"]node:|require\(['"]node:/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });
});

// The plugin suite every provider runs, beside the BonusPay-specific cases above.
describeRefundPlugin({
  plugin: bonusPayPlugin,
  sandboxPlugin: bonusPaySandboxPlugin,
  secretSettings: ['privateKey'],
  validSettings: { partnerId: '200000000888', environment: 'sandbox', timeoutMs: 5000 },
  invalidSettings: [{ partnerId: '2000000008881' }, { environment: 'staging' }, { timeoutMs: 0 }],
});
