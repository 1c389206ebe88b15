import { RefundError } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import type { Ledger, NewRefund, RefundRecord, RefundState } from '../../src/ledger/ledger';
import type { LedgerSuiteOptions } from './ledger-store-subject';
import { newRefund, uniqueId } from './new-refund';
import { ids, newestFirst } from './refund-ids';
import { rejection } from './rejection';
import { useLedgerStore } from './use-ledger-store';

/** Reading refunds back: those of one order, and the paged, filtered list. */
export function describeLedgerLists(options: LedgerSuiteOptions): void {
  describe('refundsOfOrder', () => {
    const { open } = useLedgerStore(options);

    it('lists the refunds of one order of one account, newest first', async () => {
      const ledger = await open();
      const orderId = uniqueId('order');
      const mine: RefundRecord[] = [];
      for (let index = 0; index < 3; index += 1) {
        mine.push((await ledger.createRefund(newRefund({ orderId }))).refund);
      }
      await ledger.createRefund(newRefund({ orderId, account: 'account-b' }));
      await ledger.createRefund(newRefund());
      expect(ids(await ledger.refundsOfOrder('account-a', orderId))).toEqual(ids(mine.sort(newestFirst)));
      expect(await ledger.refundsOfOrder('account-a', 'no-such-order')).toEqual([]);
    });
  });

  describe('listRefunds', () => {
    const { open } = useLedgerStore(options);

    async function createMany(
      ledger: Ledger,
      count: number,
      overrides: (index: number) => Partial<NewRefund>,
    ) {
      const created: RefundRecord[] = [];
      // In small batches, so that some share a millisecond and the refund id has to break the tie.
      for (let start = 0; start < count; start += 5) {
        const batch = Array.from({ length: Math.min(5, count - start) }, (_, offset) =>
          ledger.createRefund(newRefund(overrides(start + offset))),
        );
        created.push(...(await Promise.all(batch)).map((result) => result.refund));
      }
      return created;
    }

    async function pageThrough(
      ledger: Ledger,
      query: { account?: string; state?: RefundState; limit?: number },
    ) {
      const pages: RefundRecord[][] = [];
      let cursor: string | undefined;
      do {
        const page = await ledger.listRefunds({ ...query, ...(cursor === undefined ? {} : { cursor }) });
        pages.push(page.refunds);
        if (page.nextCursor !== undefined) expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
        cursor = page.nextCursor;
      } while (cursor !== undefined && pages.length < 50);
      return pages;
    }

    it('pages newest first through an opaque cursor until the end', async () => {
      const ledger = await open();
      const created = await createMany(ledger, 25, () => ({}));
      const pages = await pageThrough(ledger, { limit: 10 });
      expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
      expect(ids(pages.flat())).toEqual(ids([...created].sort(newestFirst)));
      expect(pages.flat()[0]).toEqual(await ledger.getRefund(pages.flat()[0]?.refundId ?? ''));
    });

    it('filters by account, state and order, also across pages', async () => {
      const ledger = await open();
      const orderId = uniqueId('order');
      const created = await createMany(ledger, 12, (index) => ({
        account: index % 3 === 0 ? 'account-b' : 'account-a',
        ...(index % 4 === 0 ? { orderId } : {}),
      }));
      const moved = created.filter((_, index) => index % 2 === 0);
      for (const refund of moved) {
        await ledger.transition(refund.refundId, {
          from: ['sending'],
          patch: { state: 'failed' },
          event: { type: 'failed', data: {} },
        });
      }
      const expected = (keep: (refund: RefundRecord) => boolean) =>
        ids(created.filter(keep).sort(newestFirst));
      const isMoved = (refund: RefundRecord) => moved.includes(refund);

      expect(ids((await pageThrough(ledger, { account: 'account-b', limit: 2 })).flat())).toEqual(
        expected((refund) => refund.account === 'account-b'),
      );
      expect(ids((await pageThrough(ledger, { state: 'failed', limit: 4 })).flat())).toEqual(
        expected(isMoved),
      );
      expect(
        ids((await pageThrough(ledger, { account: 'account-a', state: 'sending', limit: 3 })).flat()),
      ).toEqual(expected((refund) => refund.account === 'account-a' && !isMoved(refund)));
      expect(ids((await ledger.listRefunds({ orderId })).refunds)).toEqual(
        expected((refund) => refund.orderId === orderId),
      );
      expect(await ledger.listRefunds({ account: 'nobody' })).toEqual({
        refunds: [],
        nextCursor: undefined,
      });
    });

    it('neither repeats nor skips a refund when others are created between pages', async () => {
      const ledger = await open();
      const created = await createMany(ledger, 15, () => ({}));
      const seen: RefundRecord[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await ledger.listRefunds({ limit: 4, ...(cursor === undefined ? {} : { cursor }) });
        seen.push(...page.refunds);
        cursor = page.nextCursor;
        pages += 1;
        await createMany(ledger, 3, () => ({}));
      } while (cursor !== undefined && pages < 20);
      expect(new Set(ids(seen)).size).toBe(seen.length);
      expect(ids(seen)).toEqual(expect.arrayContaining(ids(created)));
      // Newer refunds land before the first page, never inside the walk.
      expect(ids(seen).slice(0, created.length)).toEqual(ids([...created].sort(newestFirst)));
    });

    it('clamps the page size to 1..100, 20 by default', async () => {
      const ledger = await open();
      await createMany(ledger, 101, () => ({}));
      const sizeFor = async (limit: number | undefined) =>
        (await ledger.listRefunds(limit === undefined ? {} : { limit })).refunds.length;
      expect(await sizeFor(undefined)).toBe(20);
      expect(await sizeFor(0)).toBe(1);
      expect(await sizeFor(-5)).toBe(1);
      expect(await sizeFor(2.7)).toBe(2);
      expect(await sizeFor(1000)).toBe(100);
      expect(await sizeFor(Number.NaN)).toBe(20);
      const full = await ledger.listRefunds({ limit: 100 });
      expect(full.nextCursor).toBeDefined();
      const rest = await ledger.listRefunds({ limit: 100, cursor: full.nextCursor });
      expect(rest.refunds).toHaveLength(1);
      expect(rest.nextCursor).toBeUndefined();
    });

    it('pages oldest first through the same cursor, filtered by state, until the end', async () => {
      const ledger = await open();
      const created = await createMany(ledger, 23, () => ({}));
      const waiting = created.filter((_, index) => index % 3 !== 0);
      for (const refund of waiting) {
        await ledger.transition(refund.refundId, {
          from: ['sending'],
          patch: { state: 'needs_attention', leaseOwner: null, leaseUntil: null },
          event: { type: 'needs_attention', data: { reason: 'test' } },
        });
      }
      const oldestFirst = (left: RefundRecord, right: RefundRecord) => newestFirst(right, left);
      const pages: RefundRecord[][] = [];
      let cursor: string | undefined;
      do {
        const page = await ledger.listRefunds({
          state: 'needs_attention',
          order: 'oldest',
          limit: 4,
          ...(cursor === undefined ? {} : { cursor }),
        });
        pages.push(page.refunds);
        cursor = page.nextCursor;
      } while (cursor !== undefined && pages.length < 20);
      expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 3]);
      expect(ids(pages.flat())).toEqual(ids([...waiting].sort(oldestFirst)));
      // Newest first is still the default, over the same refunds.
      const newest = await ledger.listRefunds({ state: 'needs_attention', limit: 100 });
      expect(ids(newest.refunds)).toEqual(ids([...waiting].sort(newestFirst)));
      expect(ids((await ledger.listRefunds({ order: 'newest', limit: 100 })).refunds)).toEqual(
        ids([...created].sort(newestFirst)),
      );
    });

    it('filters by creation time: from inclusive, to exclusive, in both orders and across pages', async () => {
      const ledger = await open();
      const pause = () => new Promise((resolve) => setTimeout(resolve, 15));
      const before = await createMany(ledger, 3, () => ({}));
      await pause();
      const inside = await createMany(ledger, 7, () => ({}));
      await pause();
      const after = await createMany(ledger, 3, () => ({}));
      const from = new Date(Math.min(...inside.map((refund) => refund.createdAt.getTime())));
      const to = new Date(Math.max(...inside.map((refund) => refund.createdAt.getTime())) + 1);
      const walk = async (order: 'newest' | 'oldest') => {
        const seen: RefundRecord[] = [];
        let cursor: string | undefined;
        do {
          const page = await ledger.listRefunds({
            createdFrom: from,
            createdTo: to,
            order,
            limit: 3,
            ...(cursor === undefined ? {} : { cursor }),
          });
          seen.push(...page.refunds);
          cursor = page.nextCursor;
        } while (cursor !== undefined && seen.length < 50);
        return seen;
      };
      expect(ids(await walk('newest'))).toEqual(ids([...inside].sort(newestFirst)));
      expect(ids(await walk('oldest'))).toEqual(ids([...inside].sort(newestFirst)).reverse());
      // The end is exclusive: a range ending where the next begins shares no refund with it.
      const lastBefore = new Date(Math.max(...before.map((refund) => refund.createdAt.getTime())) + 1);
      expect(ids((await ledger.listRefunds({ createdTo: lastBefore, limit: 100 })).refunds).sort()).toEqual(
        ids(before).sort(),
      );
      const firstAfter = new Date(Math.min(...after.map((refund) => refund.createdAt.getTime())));
      expect(ids((await ledger.listRefunds({ createdFrom: firstAfter, limit: 100 })).refunds).sort()).toEqual(
        ids(after).sort(),
      );
      expect((await ledger.listRefunds({ createdFrom: to, createdTo: from })).refunds).toEqual([]);
    });

    it('refuses a cursor it did not issue as an invalid request', async () => {
      const ledger = await open();
      const forged = [
        'not a cursor',
        Buffer.from('{"createdAt":1}').toString('base64url'),
        Buffer.from('[1.5,"x"]').toString('base64url'),
        Buffer.from('["1","x"]').toString('base64url'),
        '',
      ];
      for (const cursor of forged) {
        const error = await rejection(ledger.listRefunds({ cursor }));
        expect(RefundError.isInstance(error), cursor).toBe(true);
        expect(error).toMatchObject({ code: 'invalid_request', field: 'cursor' });
      }
    });
  });
}
