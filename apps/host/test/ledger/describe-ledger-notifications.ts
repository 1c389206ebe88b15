import { describe, expect, it } from 'vitest';
import { refundCreatedEventType } from '../../src/ledger/create-refund';
import type { LedgerSuiteOptions } from './ledger-store-subject';
import { newRefund } from './new-refund';
import { rejection } from './rejection';
import { useLedgerStore } from './use-ledger-store';

/** Provider notifications recorded and applied once, however often the provider sends them. */
export function describeLedgerNotifications(options: LedgerSuiteOptions): void {
  describe('notifications', () => {
    const { open } = useLedgerStore(options);

    it('are recorded once per account and id', async () => {
      const ledger = await open();
      expect(await ledger.recordNotification('account-a', 'notification-1', { status: 'succeeded' })).toBe(
        true,
      );
      expect(await ledger.recordNotification('account-a', 'notification-1', { status: 'succeeded' })).toBe(
        false,
      );
      expect(await ledger.recordNotification('account-b', 'notification-1', undefined)).toBe(true);
      expect(await ledger.recordNotification('account-a', 'notification-2', null)).toBe(true);
    });

    it('are recorded once when duplicates arrive concurrently at two instances', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 === 0 ? first : second).recordNotification('account-a', 'notification-1', { index }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('are recorded together with what applying them writes, or not at all', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      const failure = new Error('the database went away mid-apply');
      const error = await rejection(
        ledger.applyNotification('account-a', 'notification-1', { status: 'succeeded' }, async (scoped) => {
          await scoped.transition(refund.refundId, {
            from: ['sending'],
            patch: { state: 'succeeded' },
            event: { type: 'notification', data: {} },
          });
          throw failure;
        }),
      );
      expect(error).toBe(failure);
      // Nothing of the failed delivery remains: the refund, its history, and the notification's id.
      expect(await ledger.getRefund(refund.refundId)).toEqual(refund);
      expect(await ledger.events(refund.refundId)).toHaveLength(1);

      // The provider's redelivery is processed, not acknowledged as a duplicate.
      const redelivered = await ledger.applyNotification(
        'account-a',
        'notification-1',
        { status: 'succeeded' },
        async (scoped) => {
          const moved = await scoped.transition(refund.refundId, {
            from: ['sending'],
            patch: { state: 'succeeded' },
            event: { type: 'notification', data: {} },
          });
          // Reads inside see the transaction's own writes.
          return { moved: moved?.state, read: (await scoped.getRefund(refund.refundId))?.state };
        },
      );
      expect(redelivered).toEqual({ duplicate: false, result: { moved: 'succeeded', read: 'succeeded' } });
      let called = false;
      expect(
        await ledger.applyNotification('account-a', 'notification-1', {}, async () => {
          called = true;
        }),
      ).toEqual({ duplicate: true });
      expect(called).toBe(false);
      expect(await ledger.recordNotification('account-a', 'notification-1', {})).toBe(false);
    });

    it('keep each write of the apply atomic even when the apply goes on after one failed', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      const result = await ledger.applyNotification('account-a', 'notification-1', {}, async (scoped) => {
        const failed = await rejection(
          scoped.transition(refund.refundId, {
            from: ['sending'],
            patch: { state: 'succeeded' },
            // JSON cannot hold a bigint: the event fails after the update ran.
            event: { type: 'notification', data: { amount: 10n } },
          }),
        );
        await scoped.appendEvent(refund.refundId, 'notification_ignored', { reason: 'kept' });
        return failed instanceof TypeError;
      });
      expect(result).toEqual({ duplicate: false, result: true });
      expect((await ledger.getRefund(refund.refundId))?.state).toBe('sending');
      expect((await ledger.events(refund.refundId)).map((event) => event.type)).toEqual([
        refundCreatedEventType,
        'notification_ignored',
      ]);
      expect(await ledger.recordNotification('account-a', 'notification-1', {})).toBe(false);
    });

    it('are applied once when duplicates arrive concurrently at two instances', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const { refund } = await first.createRefund(newRefund());
      let applied = 0;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          (index % 2 === 0 ? first : second).applyNotification(
            'account-a',
            'notification-1',
            { index },
            async (scoped) => {
              applied += 1;
              await scoped.appendEvent(refund.refundId, 'notification', { index });
              return index;
            },
          ),
        ),
      );
      expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
      expect(applied).toBe(1);
      expect(await first.events(refund.refundId)).toHaveLength(2);
    });

    it('are processed by the next delivery when a concurrent first delivery fails', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const { refund } = await first.createRefund(newRefund());
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let started: () => void = () => {};
      const holding = new Promise<void>((resolve) => {
        started = resolve;
      });
      const failing = first.applyNotification('account-a', 'notification-1', {}, async (scoped) => {
        await scoped.appendEvent(refund.refundId, 'doomed', {});
        started();
        await held;
        throw new Error('apply failed');
      });
      // The redelivery arrives while the first delivery still holds its row (on a loaded machine the first
      // may take a while to get its connection, so wait until it holds the row).
      await holding;
      const redelivery = second.applyNotification('account-a', 'notification-1', {}, async (scoped) => {
        await scoped.appendEvent(refund.refundId, 'notification', {});
        return 'applied';
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await expect(failing).rejects.toThrow(/apply failed/);
      expect(await redelivery).toEqual({ duplicate: false, result: 'applied' });
      expect((await second.events(refund.refundId)).map((event) => event.type)).toEqual([
        refundCreatedEventType,
        'notification',
      ]);
    });
  });
}
