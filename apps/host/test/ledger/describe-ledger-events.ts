import { describe, expect, it } from 'vitest';
import { refundCreatedEventType } from '../../src/ledger/create-refund';
import type { LedgerSuiteOptions } from './ledger-store-subject';
import { newRefund } from './new-refund';
import { useLedgerStore } from './use-ledger-store';

/** The append-only event log of a refund, and who each event names as its actor. */
export function describeLedgerEvents(options: LedgerSuiteOptions): void {
  describe('events', () => {
    const { open, currentStore } = useLedgerStore(options);

    it('are appended and returned in order, their data round-tripping', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      const payloads: unknown[] = [
        { amount: '0.10', nested: { list: [1, 'two', null] } },
        'a string',
        42,
        null,
        undefined,
        [],
      ];
      for (const [index, data] of payloads.entries())
        await ledger.appendEvent(refund.refundId, `note-${index}`, data);
      const events = await ledger.events(refund.refundId);
      expect(events.map((event) => event.type)).toEqual([
        refundCreatedEventType,
        ...payloads.map((_, index) => `note-${index}`),
      ]);
      expect(events.slice(1).map((event) => event.data)).toEqual(payloads);
      const numericIds = events.map((event) => Number(event.id));
      expect(numericIds).toEqual([...numericIds].sort((left, right) => left - right));
      expect(new Set(numericIds).size).toBe(events.length);
      for (const event of events) expect(event.refundId).toBe(refund.refundId);
    });

    it('cannot be appended to a refund that does not exist', async () => {
      const ledger = await open();
      await expect(ledger.appendEvent('no-such-refund', 'note', {})).rejects.toThrow(/no-such-refund/);
    });

    it('cannot be updated or deleted, even directly in the database', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      await expect(currentStore().execute(`update refund_events set type = 'forged'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(currentStore().execute('delete from refund_events')).rejects.toThrow(/append-only/);
      expect((await ledger.events(refund.refundId)).map((event) => event.type)).toEqual([
        refundCreatedEventType,
      ]);
    });
  });

  describe('actor', () => {
    const { open } = useLedgerStore(options);

    it("records who asked in a refund's first event, and nothing when nobody is named", async () => {
      const ledger = await open();
      const named = await ledger.createRefund(newRefund({ actor: 'ops-alice' }));
      const unnamed = await ledger.createRefund(newRefund());
      expect((await ledger.events(named.refund.refundId))[0]?.data).toMatchObject({ actor: 'ops-alice' });
      expect((await ledger.events(unnamed.refund.refundId))[0]?.data).not.toHaveProperty('actor');
    });
  });
}
