import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger, NewRefund } from '../../src/ledger/ledger';
import type { LedgerDialect } from '../../src/ledger/ledger-dialect';
import type { LedgerStoreSubject } from './ledger-store-subject';

const minute = 60_000;

function newRefund(overrides: Partial<NewRefund> = {}): NewRefund {
  const refundId = overrides.refundId ?? `refund-${randomBytes(6).toString('hex')}`;
  const orderId = overrides.orderId ?? `order-${randomBytes(6).toString('hex')}`;
  return {
    refundId,
    account: 'account-a',
    provider: 'gatepay',
    orderId,
    amount: '1.50',
    currency: 'USDT',
    requestHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    request: { refundId, orderId, amount: { amount: '1.50', currency: 'USDT' } },
    leaseOwner: 'host-1',
    leaseMs: minute,
    ...overrides,
  };
}

/**
 * Two durable writes per refund (issue 19): the record takes the order's lock in its own write, the outcome
 * releases it in its own, and whoever waits for the order is woken by the release instead of polling.
 */
export function describeRecordRefund(
  name: string,
  options: { dialect: LedgerDialect; createStore: () => Promise<LedgerStoreSubject> },
): void {
  describe(`recordRefund and order waits: ${name}`, () => {
    let store: LedgerStoreSubject;
    let opened: Ledger[];
    const open = async () => {
      const ledger = await store.open();
      opened.push(ledger);
      return ledger;
    };

    beforeEach(async () => {
      opened = [];
      store = await options.createStore();
    });

    afterEach(async () => {
      await Promise.all(opened.map((ledger) => ledger.close()));
      await store.dispose();
    });

    it('records a refund with its order locked, and refuses another refund of the order meanwhile', async () => {
      const ledger = await open();
      const first = newRefund();
      const recorded = await ledger.recordRefund(first, { owner: 'call-1', ttlMs: minute });
      expect(recorded.outcome).toBe('created');
      if (recorded.outcome !== 'created') return;
      expect(recorded.refund).toMatchObject({
        refundId: first.refundId,
        state: 'sending',
        leaseOwner: 'host-1',
      });

      const second = newRefund({ orderId: first.orderId });
      const busy = await ledger.recordRefund(second, { owner: 'call-2', ttlMs: minute });
      expect(busy.outcome).toBe('order_busy');
      if (busy.outcome === 'order_busy') {
        expect(busy.lockedUntil.getTime() - Date.now()).toBeGreaterThan(minute - 5_000);
      }
      // Nothing of the refused one was written.
      expect(await ledger.getRefund(second.refundId)).toBeUndefined();

      // The same id again while its order is locked: told to wait (the caller looks the id up again after).
      expect((await ledger.recordRefund(first, { owner: 'call-3', ttlMs: minute })).outcome).toBe(
        'order_busy',
      );
      await ledger.transition(first.refundId, {
        from: ['sending'],
        patch: { state: 'succeeded' },
        event: { type: 'x', data: {} },
        releaseOrderLock: { owner: 'call-1' },
      });
      // And once it is free: the refund as recorded, and no lock kept for it.
      const again = await ledger.recordRefund(first, { owner: 'call-3', ttlMs: minute });
      expect(again).toMatchObject({ outcome: 'exists', refund: { refundId: first.refundId } });
      const next = await ledger.recordRefund(newRefund({ orderId: first.orderId }), {
        owner: 'call-4',
        ttlMs: minute,
      });
      expect(next.outcome).toBe('created');
    });

    it('releases the lock with the outcome, in the same write, and wakes a waiter at once', async () => {
      const [ledger, other] = [await open(), await open()];
      const first = newRefund();
      await ledger.recordRefund(first, { owner: 'call-1', ttlMs: minute });
      const until = new Date(Date.now() + 20_000);
      const started = Date.now();
      // A waiter in this process, and one in another instance (on PostgreSQL woken by NOTIFY).
      const waits = [
        ledger.waitForOrderRelease('account-a', first.orderId, until),
        other.waitForOrderRelease('account-a', first.orderId, until),
      ];
      // Give the other instance's listener time to subscribe: a real waiter subscribes long before a release.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const moved = await ledger.transition(first.refundId, {
        from: ['sending'],
        leaseOwner: 'host-1',
        patch: { state: 'succeeded' },
        event: { type: 'provider_accepted', data: {} },
        releaseOrderLock: { owner: 'call-1' },
      });
      expect(moved?.state).toBe('succeeded');
      await Promise.all(waits);
      // Woken by the release: far sooner than the lock's expiry, and sooner than a recheck would come.
      expect(Date.now() - started).toBeLessThan(options.dialect === 'postgres' ? 900 : 600);
      const next = await other.recordRefund(newRefund({ orderId: first.orderId }), {
        owner: 'call-2',
        ttlMs: minute,
      });
      expect(next.outcome).toBe('created');
    });

    it('keeps the lock when the outcome write does not apply', async () => {
      const ledger = await open();
      const first = newRefund();
      await ledger.recordRefund(first, { owner: 'call-1', ttlMs: minute });
      const moved = await ledger.transition(first.refundId, {
        from: ['pending'],
        patch: { state: 'succeeded' },
        event: { type: 'x', data: {} },
        releaseOrderLock: { owner: 'call-1' },
      });
      expect(moved).toBeUndefined();
      const busy = await ledger.recordRefund(newRefund({ orderId: first.orderId }), {
        owner: 'call-2',
        ttlMs: minute,
      });
      expect(busy.outcome).toBe('order_busy');
    });

    it('of concurrent records for one order exactly one is created, on two instances', async () => {
      const [first, second] = [await open(), await open()];
      const orderId = `order-${randomBytes(4).toString('hex')}`;
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          (index % 2 === 0 ? first : second).recordRefund(newRefund({ orderId }), {
            owner: `call-${index}`,
            ttlMs: minute,
          }),
        ),
      );
      expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
      expect(results.filter((result) => result.outcome === 'order_busy')).toHaveLength(11);
    });

    it('of concurrent records of one id exactly one is created, and none of the others holds a lock', async () => {
      const [first, second] = [await open(), await open()];
      const input = newRefund();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          (index % 2 === 0 ? first : second).recordRefund(input, { owner: `call-${index}`, ttlMs: minute }),
        ),
      );
      expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
      for (const result of results) expect(['created', 'exists', 'order_busy']).toContain(result.outcome);
      // Released by its outcome, the order is free: no lock was left behind by a record that lost.
      const owner = results.findIndex((result) => result.outcome === 'created');
      await first.transition(input.refundId, {
        from: ['sending'],
        patch: { state: 'succeeded' },
        event: { type: 'x', data: {} },
        releaseOrderLock: { owner: `call-${owner}` },
      });
      const next = await first.recordRefund(newRefund({ orderId: input.orderId }), {
        owner: 'later',
        ttlMs: minute,
      });
      expect(next.outcome).toBe('created');
    });

    it('leaves no lock on the orders of records whose id was taken for another order', async () => {
      const [first, second] = [await open(), await open()];
      const refundId = `refund-${randomBytes(4).toString('hex')}`;
      const orders = Array.from(
        { length: 8 },
        (_, index) => `order-${index}-${randomBytes(4).toString('hex')}`,
      );
      const results = await Promise.all(
        orders.map((orderId, index) =>
          (index % 2 === 0 ? first : second).recordRefund(newRefund({ refundId, orderId }), {
            owner: `call-${index}`,
            ttlMs: minute,
          }),
        ),
      );
      expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
      expect(results.filter((result) => result.outcome === 'exists')).toHaveLength(orders.length - 1);
      for (const [index, orderId] of orders.entries()) {
        if (results[index]?.outcome === 'created') continue;
        const next = await first.recordRefund(newRefund({ orderId }), { owner: 'later', ttlMs: minute });
        expect(next.outcome).toBe('created');
      }
    });

    it('ends a wait at its bound when nobody announces a release', async () => {
      const ledger = await open();
      const held = newRefund();
      await ledger.recordRefund(held, { owner: 'call-1', ttlMs: minute });
      const started = Date.now();
      await ledger.waitForOrderRelease('account-a', held.orderId, new Date(Date.now() + 150));
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(140);
      expect(waited).toBeLessThan(2_000);
    });
  });
}
