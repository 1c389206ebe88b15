import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { RefundPlugin } from '../contract/refund-plugin';
import type { RefundSandboxPlugin } from '../contract/refund-sandbox-plugin';

export interface PluginSubject<Settings extends Record<string, unknown> = Record<string, unknown>> {
  /** The package's default export. */
  plugin: RefundPlugin<Settings>;
  /** The default export of its `./sandbox`. */
  sandboxPlugin: RefundSandboxPlugin;
  /** The secrets, written out in the test: a secret dropped from the list would leak into config files. */
  secretSettings: readonly string[];
  /** A complete host configuration the schema must accept. */
  validSettings: Record<string, unknown>;
  /** Configurations the schema must refuse, one rule broken in each. */
  invalidSettings: readonly Record<string, unknown>[];
  /** Sandbox start options for the demo refund. Default `{ settleAfterMs: 10 }`. */
  sandboxOptions?: Parameters<RefundSandboxPlugin['start']>[0];
}

/**
 * The plugin suite every provider runs: the plugin declares itself and its secrets, its schema validates a
 * host configuration, and a provider created from the sandbox's settings refunds a demo order end to end.
 */
export function describeRefundPlugin<Settings extends Record<string, unknown>>(
  subject: PluginSubject<Settings>,
): void {
  const { plugin } = subject;
  describe(`the ${plugin.id} plugin`, () => {
    it('declares itself and its secrets', () => {
      expect(plugin.specificationVersion).toBe('refunds-v1');
      expect(subject.sandboxPlugin).toMatchObject({ specificationVersion: 'refunds-v1', id: plugin.id });
      expect([...plugin.secretSettings].sort()).toEqual([...subject.secretSettings].sort());
    });

    it('validates the host configuration', () => {
      expect(v.safeParse(plugin.settingsSchema, subject.validSettings).success).toBe(true);
      for (const bad of subject.invalidSettings) {
        expect(v.safeParse(plugin.settingsSchema, bad).success, JSON.stringify(bad)).toBe(false);
      }
    });

    it('creates a provider from the sandbox settings that refunds a demo order', async () => {
      const sandbox = await subject.sandboxPlugin.start(subject.sandboxOptions ?? { settleAfterMs: 10 });
      try {
        const provider = plugin.create(v.parse(plugin.settingsSchema, sandbox.settings));
        const [order] = await sandbox.seedDemoOrders();
        if (!order) throw new Error('the sandbox seeded no demo order');
        const refundId = `plugin-${plugin.id}-1`;
        const result = await provider.refund({
          refundId,
          orderId: order.orderId,
          amount: order.amount,
          ...(order.destination ? { destination: order.destination } : {}),
          ...(order.providerOptions ? { providerOptions: order.providerOptions } : {}),
        });
        expect(['pending', 'succeeded']).toContain(result.status);
        await sandbox.settleAll();
        const settled = await provider.getRefund({ refundId, orderId: order.orderId });
        expect(settled.status).toBe('succeeded');
        expect(sandbox.executedRefunds()).toEqual([
          expect.objectContaining({ orderId: order.orderId, status: 'succeeded' }),
        ]);
      } finally {
        await sandbox.close();
      }
    });
  });
}
