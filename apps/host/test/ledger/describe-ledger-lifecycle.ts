import { describe, expect, it } from 'vitest';
import { refundCreatedEventType } from '../../src/ledger/create-refund';
import type { LedgerSuiteOptions } from './ledger-store-subject';
import { newRefund } from './new-refund';
import { useLedgerStore } from './use-ledger-store';

/** Opening and closing a ledger. */
export function describeLedgerLifecycle(options: LedgerSuiteOptions): void {
  describe('lifecycle', () => {
    const { open } = useLedgerStore(options);

    it('keeps every committed refund across a reopen, and migrates only once', async () => {
      const ledger = await open();
      await ledger.ping();
      const { refund } = await ledger.createRefund(newRefund());
      await ledger.appendEvent(refund.refundId, 'note', { kept: true });
      await ledger.close();
      await ledger.close();
      await expect(ledger.getRefund(refund.refundId)).rejects.toThrow();

      const reopened = await open();
      expect(await reopened.getRefund(refund.refundId)).toEqual(refund);
      expect((await reopened.events(refund.refundId)).map((event) => event.type)).toEqual([
        refundCreatedEventType,
        'note',
      ]);
    });

    it('lets two instances start on an empty database at the same moment', async () => {
      const ledgers = await Promise.all([open(), open(), open()]);
      const { refund } = await ledgers[0]!.createRefund(newRefund());
      for (const ledger of ledgers) {
        await ledger.ping();
        expect(await ledger.getRefund(refund.refundId)).toEqual(refund);
      }
    });
  });
}
