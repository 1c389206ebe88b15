import { describe, expect, it } from 'vitest';
import { refundCreatedEventType } from '../../src/ledger/create-refund';
import type { LedgerSuiteOptions } from './ledger-store-subject';
import { newRefund } from './new-refund';
import { useLedgerStore } from './use-ledger-store';

/** Recording a refund: the first write of every refund, its fields round-tripping exactly and its id used once. */
export function describeLedgerCreateRefund(options: LedgerSuiteOptions): void {
  describe('createRefund', () => {
    const { open } = useLedgerStore(options);

    it('records a refund in `sending` with a first event, every field round-tripping exactly', async () => {
      const ledger = await open();
      expect(ledger.dialect).toBe(options.dialect);
      const input = newRefund({ amount: '1.50000000', leaseMs: 45_678 });
      const before = Date.now();
      const { created, refund } = await ledger.createRefund(input);
      const after = Date.now();

      expect(created).toBe(true);
      expect(refund).toEqual({
        refundId: input.refundId,
        account: input.account,
        provider: input.provider,
        orderId: input.orderId,
        amount: '1.50000000',
        currency: 'USDT',
        requestHash: input.requestHash,
        request: input.request,
        state: 'sending',
        providerStatus: undefined,
        providerRefundId: undefined,
        failure: undefined,
        failureOutcome: undefined,
        attempts: 0,
        checkFailures: 0,
        resends: 0,
        nextCheckAt: undefined,
        sentAt: refund.createdAt,
        notFoundAt: undefined,
        leaseOwner: 'host-1',
        leaseUntil: new Date(refund.createdAt.getTime() + 45_678),
        createdAt: expect.any(Date),
        updatedAt: expect.any(Date),
      });
      expect(refund.createdAt.getTime()).toBeGreaterThanOrEqual(before);
      expect(refund.createdAt.getTime()).toBeLessThanOrEqual(after);
      expect(refund.updatedAt).toEqual(refund.createdAt);
      expect(await ledger.getRefund(input.refundId)).toEqual(refund);

      const events = await ledger.events(input.refundId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ refundId: input.refundId, type: refundCreatedEventType });
      expect(events[0]?.at).toBeInstanceOf(Date);
      expect(events[0]?.data).toMatchObject({
        amount: '1.50000000',
        currency: 'USDT',
        leaseUntil: refund.leaseUntil?.toISOString(),
      });
    });

    it('starts the lease when the record is written, not before a wait for the database', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const { refund: other } = await first.createRefund(newRefund());
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let entered: () => void = () => {};
      const inside = new Promise<void>((resolve) => {
        entered = resolve;
      });
      // Another writer holds its transaction open (on SQLite: the write lock) while the create is asked for.
      const holder = first.applyNotification('account-a', 'notification-hold', {}, async (scoped) => {
        await scoped.appendEvent(other.refundId, 'holding', {});
        entered();
        await held;
      });
      await inside;
      const asked = Date.now();
      const creating = second.createRefund(newRefund({ leaseMs: 10_000 }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const releasedAt = Date.now();
      release();
      await holder;
      const { refund } = await creating;
      // A lease counted from before the wait could run out before the provider call even starts, and a
      // reconciler would then send the refund a second time.
      expect(refund.leaseUntil?.getTime()).toBe(refund.createdAt.getTime() + 10_000);
      expect(refund.sentAt).toEqual(refund.createdAt);
      expect(refund.createdAt.getTime()).toBeGreaterThanOrEqual(
        options.dialect === 'sqlite' ? releasedAt : asked,
      );
    });

    it('keeps amounts as the exact strings given, however long', async () => {
      const ledger = await open();
      const amounts = ['0.1', '0.30000000000000004', '123456789012345678901234567890.123456789012345678'];
      for (const amount of amounts) {
        const { refund } = await ledger.createRefund(newRefund({ amount }));
        expect((await ledger.getRefund(refund.refundId))?.amount).toBe(amount);
      }
    });

    it('returns the refund already recorded under an id and never overwrites it', async () => {
      const ledger = await open();
      const first = newRefund({ amount: '5.00' });
      const original = await ledger.createRefund(first);
      const repeated = await ledger.createRefund({ ...first, amount: '9.99', leaseOwner: 'host-2' });
      expect(repeated).toEqual({ created: false, refund: original.refund });
      expect(await ledger.events(first.refundId)).toHaveLength(1);
    });

    it('of 50 concurrent creates with one id exactly one is created', async () => {
      const ledger = await open();
      const input = newRefund();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          ledger.createRefund({ ...input, leaseOwner: `host-${index}` }),
        ),
      );
      expect(results.filter((result) => result.created)).toHaveLength(1);
      const winner = results.find((result) => result.created)?.refund;
      for (const result of results) expect(result.refund).toEqual(winner);
      expect(await ledger.events(input.refundId)).toHaveLength(1);
    });

    it('two instances never both create the same refund', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const inputs = Array.from({ length: 10 }, () => newRefund());
      const results = await Promise.all(
        inputs.flatMap((input) =>
          [first, second, first, second].map(async (ledger) => ({
            refundId: input.refundId,
            created: (await ledger.createRefund(input)).created,
          })),
        ),
      );
      for (const input of inputs) {
        const created = results.filter((result) => result.refundId === input.refundId && result.created);
        expect(created, input.refundId).toHaveLength(1);
        expect(await first.events(input.refundId)).toHaveLength(1);
      }
    });

    it('refuses a lease that is not a positive whole number of milliseconds', async () => {
      const ledger = await open();
      for (const leaseMs of [Number.NaN, 0, -1, 1.5, Number.POSITIVE_INFINITY]) {
        const input = newRefund({ leaseMs });
        await expect(ledger.createRefund(input), String(leaseMs)).rejects.toThrow(/leaseMs/);
        expect(await ledger.getRefund(input.refundId)).toBeUndefined();
      }
    });

    it('has no refund under an unknown id', async () => {
      const ledger = await open();
      expect(await ledger.getRefund('no-such-refund')).toBeUndefined();
      expect(await ledger.events('no-such-refund')).toEqual([]);
    });
  });
}
