import { describe, expect, it } from 'vitest';
import type { LedgerSuiteOptions } from './ledger-store-subject';
import { minute } from './new-refund';
import { useLedgerStore } from './use-ledger-store';

/** The per-order lock that sends refunds of one order to the provider one at a time. */
export function describeLedgerOrderLocks(options: LedgerSuiteOptions): void {
  describe('order locks', () => {
    const { open } = useLedgerStore(options);

    it('are held by one owner at a time, re-acquirable by it and released only by it', async () => {
      const ledger = await open();
      expect(await ledger.acquireOrderLock('account-a', 'order-1', 'host-1', minute)).toBe(true);
      expect(await ledger.acquireOrderLock('account-a', 'order-1', 'host-2', minute)).toBe(false);
      expect(await ledger.acquireOrderLock('account-a', 'order-1', 'host-1', minute)).toBe(true);
      // Other orders and other accounts are independent.
      expect(await ledger.acquireOrderLock('account-a', 'order-2', 'host-2', minute)).toBe(true);
      expect(await ledger.acquireOrderLock('account-b', 'order-1', 'host-2', minute)).toBe(true);

      await ledger.releaseOrderLock('account-a', 'order-1', 'host-2');
      expect(await ledger.acquireOrderLock('account-a', 'order-1', 'host-2', minute)).toBe(false);
      await ledger.releaseOrderLock('account-a', 'order-1', 'host-1');
      expect(await ledger.acquireOrderLock('account-a', 'order-1', 'host-2', minute)).toBe(true);
    });

    it('are taken over once expired', async () => {
      const ledger = await open();
      expect(await ledger.acquireOrderLock('account-a', 'order-1', 'host-1', 1)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await ledger.acquireOrderLock('account-a', 'order-1', 'host-2', minute)).toBe(true);
      expect(await ledger.acquireOrderLock('account-a', 'order-1', 'host-1', minute)).toBe(false);
      await expect(ledger.acquireOrderLock('account-a', 'order-1', 'host-1', 0)).rejects.toThrow(TypeError);
    });

    it('go to exactly one of many concurrent acquirers, across instances', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 === 0 ? first : second).acquireOrderLock(
            'account-a',
            'order-1',
            `host-${index}`,
            minute,
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('go to exactly one of many concurrent acquirers of an expired lock', async () => {
      const ledger = await open();
      expect(await ledger.acquireOrderLock('account-a', 'order-1', 'host-old', 1)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          ledger.acquireOrderLock('account-a', 'order-1', `host-${index}`, minute),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
