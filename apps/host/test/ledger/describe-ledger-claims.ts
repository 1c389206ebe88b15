import { describe, expect, it } from 'vitest';
import type { RefundRecord } from '../../src/ledger/ledger';
import type { LedgerSuiteOptions } from './ledger-store-subject';
import { minute, newRefund } from './new-refund';
import { ids } from './refund-ids';
import { useLedgerStore } from './use-ledger-store';

/** Claims: how the reconciler and other instances take a refund that is due, exactly one of them at a time. */
export function describeLedgerClaims(options: LedgerSuiteOptions): void {
  describe('claimDue', () => {
    const { open, seed } = useLedgerStore(options);

    it('claims exactly the due refunds and sets the lease', async () => {
      const ledger = await open();
      const now = Date.now();
      const past = new Date(now - minute);
      const future = new Date(now + minute);
      const due = [
        await seed(ledger, 'pending', { nextCheckAt: past }),
        await seed(ledger, 'unknown', { nextCheckAt: new Date(now) }),
        await seed(ledger, 'sending', { leaseOwner: 'host-dead', leaseUntil: past }),
        await seed(ledger, 'sending', { leaseOwner: null, leaseUntil: null }),
        await seed(ledger, 'pending', { nextCheckAt: past, leaseOwner: 'host-gone', leaseUntil: past }),
      ];
      const notDue = [
        await seed(ledger, 'sending', { leaseOwner: 'host-live', leaseUntil: future }),
        await seed(ledger, 'pending', { nextCheckAt: future }),
        await seed(ledger, 'pending', { nextCheckAt: null }),
        await seed(ledger, 'pending', { nextCheckAt: past, leaseOwner: 'host-busy', leaseUntil: future }),
        await seed(ledger, 'unknown', { nextCheckAt: past, leaseOwner: 'host-busy', leaseUntil: future }),
        await seed(ledger, 'succeeded', { nextCheckAt: past }),
        await seed(ledger, 'failed', { leaseOwner: 'host-dead', leaseUntil: past }),
        await seed(ledger, 'needs_attention', { nextCheckAt: past }),
      ];

      const claimed = await ledger.claimDue('host-me', {
        now: new Date(now),
        limit: 100,
        leaseMs: 30_000,
        accounts: ['account-a'],
      });
      expect(ids(claimed).sort()).toEqual(ids(due).sort());
      for (const refund of claimed) {
        expect(refund).toMatchObject({ leaseOwner: 'host-me', leaseUntil: new Date(now + 30_000) });
        expect(await ledger.getRefund(refund.refundId)).toEqual(refund);
      }
      for (const refund of notDue) {
        const stored = await ledger.getRefund(refund.refundId);
        expect(stored?.leaseOwner, refund.refundId).toBe(refund.leaseOwner);
      }
      // Claimed refunds stay with their claimer while its lease lasts, whatever their state.
      expect(
        await ledger.claimDue('host-other', {
          now: new Date(now),
          limit: 100,
          leaseMs: 30_000,
          accounts: ['account-a'],
        }),
      ).toEqual([]);
      const later = await ledger.claimDue('host-other', {
        now: new Date(now + 30_001),
        limit: 100,
        leaseMs: 1,
        accounts: ['account-a'],
      });
      expect(ids(later).sort()).toEqual(ids(due).sort());
    });

    it('takes at most `limit`, most urgent first, and the rest on the next claim', async () => {
      const ledger = await open();
      const now = Date.now();
      const past = new Date(now - minute);
      const sending = [];
      const unknown = [];
      const pending = [];
      for (let index = 0; index < 3; index += 1) {
        sending.push(await seed(ledger, 'sending', { leaseOwner: 'host-dead', leaseUntil: past }));
        unknown.push(await seed(ledger, 'unknown', { nextCheckAt: past }));
        pending.push(await seed(ledger, 'pending', { nextCheckAt: past }));
      }
      const first = await ledger.claimDue('host-1', {
        now: new Date(now),
        limit: 4,
        leaseMs: minute,
        accounts: ['account-a'],
      });
      expect(first).toHaveLength(4);
      expect(ids(first.slice(0, 3)).sort()).toEqual(ids(sending).sort());
      expect(unknown.map((refund) => refund.refundId)).toContain(first[3]?.refundId);
      const second = await ledger.claimDue('host-2', {
        now: new Date(now),
        limit: 100,
        leaseMs: minute,
        accounts: ['account-a'],
      });
      expect(ids([...first, ...second]).sort()).toEqual(ids([...sending, ...unknown, ...pending]).sort());
      expect(
        await ledger.claimDue('host-3', {
          now: new Date(now),
          limit: 0,
          leaseMs: minute,
          accounts: ['account-a'],
        }),
      ).toEqual([]);
      await expect(
        ledger.claimDue('host-3', { now: new Date(now), limit: 1, leaseMs: 0, accounts: ['account-a'] }),
      ).rejects.toThrow(TypeError);
    });

    it('never gives one refund to two concurrent claimers', async () => {
      const ledger = await open();
      const now = Date.now();
      const due = await Promise.all(
        Array.from({ length: 40 }, () => seed(ledger, 'pending', { nextCheckAt: new Date(now - minute) })),
      );
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          ledger.claimDue(`host-${index}`, {
            now: new Date(now),
            limit: 7,
            leaseMs: minute,
            accounts: ['account-a'],
          }),
        ),
      );
      const claimed = ids(results.flat());
      expect(new Set(claimed).size).toBe(claimed.length);
      const rest = await ledger.claimDue('host-last', {
        now: new Date(now),
        limit: 100,
        leaseMs: minute,
        accounts: ['account-a'],
      });
      expect([...claimed, ...ids(rest)].sort()).toEqual(ids(due).sort());
      for (const [index, batch] of results.entries()) {
        for (const refund of batch) expect(refund.leaseOwner).toBe(`host-${index}`);
      }
    });

    it('never gives one refund to two instances claiming at once', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const now = Date.now();
      const due = await Promise.all(
        Array.from({ length: 60 }, (_, index) =>
          index % 2 === 0
            ? seed(first, 'unknown', { nextCheckAt: new Date(now - minute) })
            : seed(first, 'sending', { leaseOwner: 'host-dead', leaseUntil: new Date(now - minute) }),
        ),
      );
      const claims: { owner: string; refunds: RefundRecord[] }[] = [];
      await Promise.all(
        [first, second, first, second].map(async (ledger, index) => {
          for (let round = 0; round < 6; round += 1) {
            const owner = `host-${index}`;
            claims.push({
              owner,
              refunds: await ledger.claimDue(owner, {
                now: new Date(now),
                limit: 4,
                leaseMs: minute,
                accounts: ['account-a'],
              }),
            });
          }
        }),
      );
      const claimed = claims.flatMap((claim) => ids(claim.refunds));
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.sort()).toEqual(ids(due).sort());
      for (const claim of claims) {
        for (const refund of claim.refunds) {
          expect((await second.getRefund(refund.refundId))?.leaseOwner).toBe(claim.owner);
        }
      }
    });

    it('claims only refunds of the accounts it is given, and nothing for none', async () => {
      const ledger = await open();
      const now = Date.now();
      const past = new Date(now - minute);
      const seedOf = async (account: string) => {
        const { refund } = await ledger.createRefund(newRefund({ account }));
        return (await ledger.transition(refund.refundId, {
          from: ['sending'],
          patch: { state: 'unknown', nextCheckAt: past, leaseOwner: null, leaseUntil: null },
          event: { type: 'seeded', data: {} },
        })) as RefundRecord;
      };
      const ours = [await seedOf('account-a'), await seedOf('account-b')];
      // A canary or a sandbox host on the same database: the host cannot reach its provider, and would park
      // these refunds in needs_attention if it claimed them.
      const theirs = [await seedOf('account-canary'), await seedOf('sandbox:gatepay')];
      const claim = (accounts: readonly string[]) =>
        ledger.claimDue('host-me', { now: new Date(now), limit: 100, leaseMs: minute, accounts });

      expect(await claim([])).toEqual([]);
      expect(ids(await claim(['account-a', 'account-b', 'account-nobody'])).sort()).toEqual(ids(ours).sort());
      for (const refund of theirs) {
        expect((await ledger.getRefund(refund.refundId))?.leaseOwner, refund.account).toBeUndefined();
      }
      expect(ids(await claim(['account-canary']))).toEqual([theirs[0]?.refundId]);
    });
  });

  describe('claimRefund', () => {
    const { open, seed } = useLedgerStore(options);

    const accounts = ['account-a'];

    it('leases one refund to a sync whatever its schedule, as the reconciler would', async () => {
      const ledger = await open();
      const now = Date.now();
      const notDueYet = await seed(ledger, 'pending', { nextCheckAt: new Date(now + 10_000) });
      const claimed = await ledger.claimRefund(notDueYet.refundId, 'host-sync', {
        now: new Date(now),
        leaseMs: 30_000,
        accounts,
      });
      expect(claimed).toEqual({
        ...notDueYet,
        leaseOwner: 'host-sync',
        leaseUntil: new Date(now + 30_000),
        updatedAt: expect.any(Date),
      });
      expect(await ledger.getRefund(notDueYet.refundId)).toEqual(claimed);
      // Now held: neither a second sync nor the reconciler takes it while the lease lasts, due or not.
      expect(
        await ledger.claimRefund(notDueYet.refundId, 'host-other', {
          now: new Date(now),
          leaseMs: 1,
          accounts,
        }),
      ).toBeUndefined();
      expect(
        await ledger.claimDue('host-other', {
          now: new Date(now + 20_000),
          limit: 10,
          leaseMs: 1,
          accounts,
        }),
      ).toEqual([]);
      // Once it has run out, another may take it.
      expect(
        await ledger.claimRefund(notDueYet.refundId, 'host-other', {
          now: new Date(now + 30_001),
          leaseMs: minute,
          accounts,
        }),
      ).toMatchObject({ leaseOwner: 'host-other', leaseUntil: new Date(now + 30_001 + minute) });
    });

    it('claims every state that is not final once nobody holds it', async () => {
      const ledger = await open();
      const now = Date.now();
      const past = new Date(now - 1);
      const claimable = [
        await seed(ledger, 'sending', { leaseOwner: 'host-dead', leaseUntil: past }),
        await seed(ledger, 'pending', { nextCheckAt: null }),
        await seed(ledger, 'unknown', { nextCheckAt: past, leaseOwner: 'host-gone', leaseUntil: past }),
        await seed(ledger, 'needs_attention'),
      ];
      const refused = [
        await seed(ledger, 'sending'),
        await seed(ledger, 'pending', { leaseOwner: 'host-busy', leaseUntil: new Date(now + minute) }),
        await seed(ledger, 'succeeded'),
        await seed(ledger, 'failed'),
      ];
      for (const refund of claimable) {
        expect(
          await ledger.claimRefund(refund.refundId, 'host-me', {
            now: new Date(now),
            leaseMs: minute,
            accounts,
          }),
          refund.state,
        ).toMatchObject({ state: refund.state, leaseOwner: 'host-me' });
      }
      for (const refund of refused) {
        expect(
          await ledger.claimRefund(refund.refundId, 'host-me', {
            now: new Date(now),
            leaseMs: minute,
            accounts,
          }),
          refund.state,
        ).toBeUndefined();
        expect(await ledger.getRefund(refund.refundId)).toEqual(refund);
      }
      expect(
        await ledger.claimRefund('no-such-refund', 'host-me', {
          now: new Date(now),
          leaseMs: minute,
          accounts,
        }),
      ).toBeUndefined();
      await expect(
        ledger.claimRefund(claimable[1]?.refundId ?? '', 'host-me', {
          now: new Date(now),
          leaseMs: 0,
          accounts,
        }),
      ).rejects.toThrow(TypeError);
    });

    it('never claims a refund of an account it is not given', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund({ account: 'account-canary' }));
      const idle = await ledger.transition(refund.refundId, {
        from: ['sending'],
        patch: { state: 'unknown', leaseOwner: null, leaseUntil: null },
        event: { type: 'seeded', data: {} },
      });
      const now = new Date();
      expect(
        await ledger.claimRefund(refund.refundId, 'host-me', { now, leaseMs: minute, accounts }),
      ).toBeUndefined();
      expect(
        await ledger.claimRefund(refund.refundId, 'host-me', { now, leaseMs: minute, accounts: [] }),
      ).toBeUndefined();
      expect(await ledger.getRefund(refund.refundId)).toEqual(idle);
    });

    it('gives one refund to exactly one of two syncs at once, across instances', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const refunds = await Promise.all(
        Array.from({ length: 6 }, () =>
          seed(first, 'unknown', { nextCheckAt: new Date(Date.now() + minute) }),
        ),
      );
      for (const refund of refunds) {
        const now = new Date();
        const results = await Promise.all(
          [first, second, first, second].map((ledger, index) =>
            ledger.claimRefund(refund.refundId, `host-${index}`, { now, leaseMs: minute, accounts }),
          ),
        );
        const winners = results.filter((result) => result !== undefined);
        expect(winners, refund.refundId).toHaveLength(1);
        expect((await second.getRefund(refund.refundId))?.leaseOwner).toBe(winners[0]?.leaseOwner);
      }
    });
  });
}
