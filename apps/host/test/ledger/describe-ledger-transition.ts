import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refundCreatedEventType } from '../../src/ledger/create-refund';
import type { RefundState } from '../../src/ledger/ledger';
import type { LedgerSuiteOptions } from './ledger-store-subject';
import { minute, newRefund } from './new-refund';
import { ids } from './refund-ids';
import { rejection } from './rejection';
import { useLedgerStore } from './use-ledger-store';

/** Moving a refund between states: only from the states named, and never past a terminal one. */
export function describeLedgerTransition(options: LedgerSuiteOptions): void {
  describe('transition', () => {
    const { open, seed } = useLedgerStore(options);

    it('applies the patch and appends the event together', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      const nextCheckAt = new Date('2030-01-01T00:00:00.001Z');
      const updated = await ledger.transition(refund.refundId, {
        from: ['sending'],
        leaseOwner: 'host-1',
        patch: {
          state: 'pending',
          providerStatus: 'pending',
          providerRefundId: 'provider-77',
          attempts: 1,
          nextCheckAt,
          leaseOwner: null,
          leaseUntil: null,
        },
        event: { type: 'sent', data: { status: 'pending', amount: '1.50000000' } },
      });
      expect(updated).toEqual({
        ...refund,
        state: 'pending',
        providerStatus: 'pending',
        providerRefundId: 'provider-77',
        attempts: 1,
        nextCheckAt,
        leaseOwner: undefined,
        leaseUntil: undefined,
        updatedAt: expect.any(Date),
      });
      expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(refund.updatedAt.getTime());
      expect(await ledger.getRefund(refund.refundId)).toEqual(updated);
      const events = await ledger.events(refund.refundId);
      expect(events.map((event) => event.type)).toEqual([refundCreatedEventType, 'sent']);
      expect(events[1]?.data).toEqual({ status: 'pending', amount: '1.50000000' });
    });

    it('clears a field given null and leaves one left out alone', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      const failed = await ledger.transition(refund.refundId, {
        from: ['sending'],
        patch: {
          state: 'unknown',
          failure: { code: 'timeout', message: 'no answer in 30 s' },
          providerRefundId: 'provider-1',
          nextCheckAt: new Date('2030-01-01T00:00:00.000Z'),
        },
        event: { type: 'timed_out', data: {} },
      });
      expect(failed?.failure).toEqual({ code: 'timeout', message: 'no answer in 30 s' });
      const cleared = await ledger.transition(refund.refundId, {
        from: ['unknown'],
        patch: { state: 'succeeded', failure: null, nextCheckAt: null, providerStatus: 'succeeded' },
        event: { type: 'succeeded', data: undefined },
      });
      expect(cleared).toMatchObject({
        state: 'succeeded',
        failure: undefined,
        nextCheckAt: undefined,
        providerStatus: 'succeeded',
        providerRefundId: 'provider-1',
        leaseOwner: 'host-1',
        leaseUntil: refund.leaseUntil,
      });
    });

    it('changes nothing and returns undefined when the refund is not in a `from` state', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      const result = await ledger.transition(refund.refundId, {
        from: ['pending', 'unknown'],
        patch: { state: 'succeeded' },
        event: { type: 'succeeded', data: {} },
      });
      expect(result).toBeUndefined();
      expect(await ledger.getRefund(refund.refundId)).toEqual(refund);
      expect(await ledger.events(refund.refundId)).toHaveLength(1);
      expect(
        await ledger.transition('no-such-refund', {
          from: ['sending'],
          patch: { state: 'failed' },
          event: { type: 'failed', data: {} },
        }),
      ).toBeUndefined();
    });

    it('needs the lease owner when one is named', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund({ leaseOwner: 'host-1' }));
      const change = {
        from: ['sending'] as const,
        patch: { state: 'pending' as const },
        event: { type: 'sent', data: {} },
      };
      expect(await ledger.transition(refund.refundId, { ...change, leaseOwner: 'host-2' })).toBeUndefined();
      expect((await ledger.getRefund(refund.refundId))?.state).toBe('sending');
      expect(await ledger.transition(refund.refundId, { ...change, leaseOwner: 'host-1' })).toMatchObject({
        state: 'pending',
      });
    });

    it('loses the lease to a claimer once it has expired', async () => {
      const ledger = await open();
      const refund = await seed(ledger, 'sending', {
        leaseOwner: 'host-1',
        leaseUntil: new Date(Date.now() - 1),
      });
      const claimed = await ledger.claimDue('host-2', {
        now: new Date(),
        limit: 10,
        leaseMs: minute,
        accounts: ['account-a'],
      });
      expect(ids(claimed)).toEqual([refund.refundId]);
      const late = await ledger.transition(refund.refundId, {
        from: ['sending'],
        leaseOwner: 'host-1',
        patch: { state: 'succeeded' },
        event: { type: 'succeeded', data: {} },
      });
      expect(late).toBeUndefined();
      expect(await ledger.getRefund(refund.refundId)).toMatchObject({
        state: 'sending',
        leaseOwner: 'host-2',
      });
    });

    it('of concurrent transitions out of one state exactly one wins', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          ledger.transition(refund.refundId, {
            from: ['sending'],
            patch: { state: index % 2 === 0 ? 'succeeded' : 'failed', attempts: index },
            event: { type: `outcome-${index}`, data: { index } },
          }),
        ),
      );
      const winners = results.filter((result) => result !== undefined);
      expect(winners).toHaveLength(1);
      expect(await ledger.getRefund(refund.refundId)).toEqual(winners[0]);
      const events = await ledger.events(refund.refundId);
      expect(events).toHaveLength(2);
      expect(events[1]?.data).toEqual({ index: winners[0]?.attempts });
    });

    it('of concurrent transitions from two instances exactly one wins', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const refunds = await Promise.all(Array.from({ length: 5 }, () => first.createRefund(newRefund())));
      const results = await Promise.all(
        refunds.flatMap(({ refund }) =>
          [first, second, first, second].map(async (ledger, index) => ({
            refundId: refund.refundId,
            won:
              (await ledger.transition(refund.refundId, {
                from: ['sending'],
                patch: { state: 'pending', attempts: index },
                event: { type: 'sent', data: { index } },
              })) !== undefined,
          })),
        ),
      );
      for (const { refund } of refunds) {
        expect(results.filter((result) => result.refundId === refund.refundId && result.won)).toHaveLength(1);
        expect(await second.events(refund.refundId)).toHaveLength(2);
      }
    });

    it('rolls the patch back when the event cannot be written', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      const error = await rejection(
        ledger.transition(refund.refundId, {
          from: ['sending'],
          patch: { state: 'succeeded' },
          // JSON cannot hold a bigint: the event fails after the update has run in the same transaction.
          event: { type: 'succeeded', data: { amount: 10n } },
        }),
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(await ledger.getRefund(refund.refundId)).toEqual(refund);
      expect(await ledger.events(refund.refundId)).toHaveLength(1);
      // The store is usable afterwards: no transaction was left open.
      expect(
        await ledger.transition(refund.refundId, {
          from: ['sending'],
          patch: { state: 'succeeded' },
          event: { type: 'succeeded', data: {} },
        }),
      ).toMatchObject({ state: 'succeeded' });
    });

    it('refuses a state the schema does not know, and a transition from no state', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      await expect(
        ledger.transition(refund.refundId, {
          from: ['sending'],
          patch: { state: 'refunded' as RefundState },
          event: { type: 'x', data: {} },
        }),
      ).rejects.toThrow();
      await expect(
        ledger.transition(refund.refundId, {
          from: [],
          patch: { state: 'failed' },
          event: { type: 'x', data: {} },
        }),
      ).rejects.toThrow(TypeError);
      expect(await ledger.getRefund(refund.refundId)).toEqual(refund);
      expect(await ledger.events(refund.refundId)).toHaveLength(1);
    });

    it('keeps the reconciler evidence a patch sets, and clears it with null', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      const sentAt = new Date('2030-01-01T00:00:00.123Z');
      const notFoundAt = new Date('2030-01-01T00:00:05.456Z');
      const unknown = await ledger.transition(refund.refundId, {
        from: ['sending'],
        patch: {
          state: 'unknown',
          failureOutcome: 'unknown',
          sentAt,
          notFoundAt,
          checkFailures: 3,
          resends: 2,
        },
        event: { type: 'not_found', data: {} },
      });
      expect(unknown).toMatchObject({
        failureOutcome: 'unknown',
        sentAt,
        notFoundAt,
        checkFailures: 3,
        resends: 2,
      });
      expect(await ledger.getRefund(refund.refundId)).toEqual(unknown);
      // Left out: unchanged. Null: cleared.
      const pending = await ledger.transition(refund.refundId, {
        from: ['unknown'],
        patch: { state: 'pending', failureOutcome: null, notFoundAt: null, checkFailures: 0 },
        event: { type: 'found', data: {} },
      });
      expect(pending).toMatchObject({
        failureOutcome: undefined,
        sentAt,
        notFoundAt: undefined,
        checkFailures: 0,
        resends: 2,
      });
      for (const patch of [{ checkFailures: -1 }, { resends: 1.5 }, { sentAt: new Date(Number.NaN) }]) {
        await expect(
          ledger.transition(refund.refundId, { from: ['pending'], patch, event: { type: 'x', data: {} } }),
          JSON.stringify(patch),
        ).rejects.toThrow(TypeError);
      }
      await expect(
        ledger.transition(refund.refundId, {
          from: ['pending'],
          patch: { failureOutcome: 'lost' as 'unknown' },
          event: { type: 'x', data: {} },
        }),
      ).rejects.toThrow();
      expect(await ledger.getRefund(refund.refundId)).toEqual(pending);
    });

    it('moves a failed refund only when its failure outcome is the one named', async () => {
      const ledger = await open();
      const failWith = async (failureOutcome: 'not_sent' | 'rejected' | 'unknown') => {
        const { refund } = await ledger.createRefund(newRefund());
        await ledger.transition(refund.refundId, {
          from: ['sending'],
          patch: { state: 'failed', failureOutcome, failure: { code: 'x', message: 'y' } },
          event: { type: 'failed', data: {} },
        });
        return refund.refundId;
      };
      const resend = (refundId: string) =>
        ledger.transition(refundId, {
          from: ['failed'],
          failureOutcome: 'not_sent',
          patch: { state: 'sending', failureOutcome: null, failure: null, resends: 1 },
          event: { type: 'resent', data: {} },
        });
      // A refund the provider refused, or that may have executed, must never be sent again under its id.
      for (const outcome of ['rejected', 'unknown'] as const) {
        const refundId = await failWith(outcome);
        expect(await resend(refundId), outcome).toBeUndefined();
        expect(await ledger.getRefund(refundId)).toMatchObject({
          state: 'failed',
          failureOutcome: outcome,
        });
      }
      const notSent = await failWith('not_sent');
      expect(await resend(notSent)).toMatchObject({
        state: 'sending',
        failureOutcome: undefined,
        resends: 1,
      });
    });

    it('lets exactly one of concurrent retries of a refund that never left send it', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      const { refund } = await first.createRefund(newRefund());
      await first.transition(refund.refundId, {
        from: ['sending'],
        patch: {
          state: 'failed',
          failureOutcome: 'not_sent',
          failure: { code: 'network', message: 'refused' },
        },
        event: { type: 'failed', data: {} },
      });
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          (index % 2 === 0 ? first : second).transition(refund.refundId, {
            from: ['failed'],
            failureOutcome: 'not_sent',
            patch: { state: 'sending', failureOutcome: null, failure: null, leaseOwner: `host-${index}` },
            event: { type: 'resent', data: { index } },
          }),
        ),
      );
      expect(results.filter((result) => result !== undefined)).toHaveLength(1);
      expect((await first.events(refund.refundId)).filter((event) => event.type === 'resent')).toHaveLength(
        1,
      );
    });
    it('applies exactly the patch and the guards of each change, whatever changes came before', async () => {
      // Statements are built once per shape (which columns a change sets, which guards it has) and reused: a
      // change must never run with a statement of another shape, which would drop a column or a guard.
      const ledger = await open();
      const nonTerminal = ['sending', 'pending', 'unknown'] as const;
      const instant = fc.integer({ min: 1, max: 2 ** 42 }).map((milliseconds) => new Date(milliseconds));
      const change = fc.record({
        from: fc.subarray([...nonTerminal], { minLength: 1 }),
        leaseOwner: fc.constantFrom(undefined, 'host-1', 'host-2'),
        patch: fc.record(
          {
            state: fc.constantFrom(...nonTerminal),
            providerStatus: fc.constantFrom('pending' as const, 'succeeded' as const, null),
            providerRefundId: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null }),
            attempts: fc.nat({ max: 50 }),
            nextCheckAt: fc.option(instant, { nil: null }),
            failure: fc.option(fc.record({ code: fc.constant('timeout'), message: fc.string() }), {
              nil: null,
            }),
            leaseOwner: fc.constantFrom('host-1', 'host-2', null),
          },
          { requiredKeys: [] },
        ),
      });
      const cleared = (value: unknown) => (value === null ? undefined : value);
      await fc.assert(
        fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
          const { refund } = await ledger.createRefund(newRefund());
          let expected = refund;
          for (const [index, { from, leaseOwner, patch }] of changes.entries()) {
            const holds =
              (from as readonly RefundState[]).includes(expected.state) &&
              (leaseOwner === undefined || expected.leaseOwner === leaseOwner);
            const moved = await ledger.transition(refund.refundId, {
              from,
              ...(leaseOwner === undefined ? {} : { leaseOwner }),
              patch,
              event: { type: 'generated', data: { index } },
            });
            if (!holds) {
              expect(moved).toBeUndefined();
              continue;
            }
            expected = {
              ...expected,
              ...Object.fromEntries(Object.entries(patch).map(([field, value]) => [field, cleared(value)])),
              updatedAt: expect.any(Date),
            } as typeof refund;
            expect(moved).toEqual(expected);
          }
          expect(await ledger.getRefund(refund.refundId)).toEqual(expected);
        }),
        { numRuns: 40 },
      );
    });
  });
}
