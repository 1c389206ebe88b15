import { randomBytes } from 'node:crypto';
import { RefundError, type RefundRequest } from '@refunds/core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateLedgerOptions } from './create-ledger';
import { refundCreatedEventType } from './create-refund';
import type { Ledger, NewRefund, RefundRecord, RefundState } from './ledger';
import type { LedgerDialect } from './ledger-dialect';
import { refundStates } from './refund-states';

/** One empty database of the dialect under test. */
export interface LedgerStoreSubject {
  /** Opens a ledger on this database; every call is another instance, as another host process would open. */
  open(options?: Pick<CreateLedgerOptions, 'webhooks'>): Promise<Ledger>;
  /** Runs one SQL statement directly, to show what the database itself refuses. */
  execute(statement: string): Promise<void>;
  dispose(): Promise<void>;
}

let sequence = 0;
const uniqueId = (prefix: string): string =>
  `${prefix}-${(sequence++).toString().padStart(4, '0')}-${randomBytes(4).toString('hex')}`;

const minute = 60_000;

function newRefund(overrides: Partial<NewRefund> = {}): NewRefund {
  const refundId = overrides.refundId ?? uniqueId('refund');
  const orderId = overrides.orderId ?? uniqueId('order');
  const amount = overrides.amount ?? '1.50000000';
  const currency = overrides.currency ?? 'USDT';
  const request: RefundRequest = overrides.request ?? {
    refundId,
    orderId,
    amount: { amount, currency },
    reason: 'Rückerstattung — 退款 "quoted"',
    destination: { address: 'TXYZ1234', network: 'TRC20' },
    providerOptions: { nested: { list: [1, '2.10', null, true] } },
  };
  return {
    refundId,
    account: 'account-a',
    provider: 'gatepay',
    orderId,
    amount,
    currency,
    requestHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    request,
    leaseOwner: 'host-1',
    leaseMs: minute,
    ...overrides,
  };
}

const ids = (refunds: readonly RefundRecord[]): string[] => refunds.map((refund) => refund.refundId);

const newestFirst = (left: RefundRecord, right: RefundRecord): number =>
  right.createdAt.getTime() - left.createdAt.getTime() ||
  (left.refundId < right.refundId ? 1 : left.refundId > right.refundId ? -1 : 0);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/**
 * The behaviour every ledger store owes the host, run identically against each dialect. Each test gets a fresh,
 * empty database; `open` twice gives two instances on it, like two host processes.
 */
export function describeLedger(
  name: string,
  options: { dialect: LedgerDialect; createStore: () => Promise<LedgerStoreSubject> },
): void {
  describe(`ledger conformance: ${name}`, () => {
    let store: LedgerStoreSubject | undefined;
    let opened: Ledger[];

    const currentStore = (): LedgerStoreSubject => {
      if (store === undefined) throw new Error('no store: createStore failed');
      return store;
    };

    const open = async (): Promise<Ledger> => {
      const ledger = await currentStore().open();
      opened.push(ledger);
      return ledger;
    };

    /** A refund moved into `state` with the given schedule and lease, through the public interface. */
    async function seed(
      ledger: Ledger,
      state: RefundState,
      schedule: { nextCheckAt?: Date | null; leaseOwner?: string | null; leaseUntil?: Date | null } = {},
    ): Promise<RefundRecord> {
      const { refund } = await ledger.createRefund(newRefund());
      if (state === 'sending' && Object.keys(schedule).length === 0) return refund;
      const moved = await ledger.transition(refund.refundId, {
        from: ['sending'],
        patch: {
          state,
          nextCheckAt: schedule.nextCheckAt ?? null,
          leaseOwner: schedule.leaseOwner ?? null,
          leaseUntil: schedule.leaseUntil ?? null,
        },
        event: { type: 'seeded', data: { state } },
      });
      if (moved === undefined) throw new Error('seeding failed');
      return moved;
    }

    beforeEach(async () => {
      opened = [];
      store = undefined;
      store = await options.createStore();
    });

    afterEach(async () => {
      await Promise.all(opened.map((ledger) => ledger.close()));
      await store?.dispose();
    });

    describe('createRefund', () => {
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

    describe('transition', () => {
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
          expect(results.filter((result) => result.refundId === refund.refundId && result.won)).toHaveLength(
            1,
          );
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
    });

    describe('events', () => {
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

    describe('refundsOfOrder', () => {
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
        expect(
          ids((await ledger.listRefunds({ createdFrom: firstAfter, limit: 100 })).refunds).sort(),
        ).toEqual(ids(after).sort());
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

    describe('order locks', () => {
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

    describe('claimDue', () => {
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
        expect(ids(await claim(['account-a', 'account-b', 'account-nobody'])).sort()).toEqual(
          ids(ours).sort(),
        );
        for (const refund of theirs) {
          expect((await ledger.getRefund(refund.refundId))?.leaseOwner, refund.account).toBeUndefined();
        }
        expect(ids(await claim(['account-canary']))).toEqual([theirs[0]?.refundId]);
      });
    });

    describe('claimRefund', () => {
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

    describe('notifications', () => {
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

    describe('nextNonce', () => {
      it('hands out values above every earlier one of the scope and at least the floor', async () => {
        const ledger = await open();
        expect(await ledger.nextNonce('coincorner:key-1', 1_000)).toBe(1_000);
        expect(await ledger.nextNonce('coincorner:key-1', 1_000)).toBe(1_001);
        expect(await ledger.nextNonce('coincorner:key-1', 5)).toBe(1_002);
        expect(await ledger.nextNonce('coincorner:key-1', 2_000)).toBe(2_000);
        // Scopes are independent.
        expect(await ledger.nextNonce('coincorner:key-2', 7)).toBe(7);
        expect(await ledger.nextNonce('coincorner:key-1', 0)).toBe(2_001);
      });

      it('still increases after a restart with the clock behind', async () => {
        const ledger = await open();
        const ahead = Date.now() + 3_600_000;
        const last = await ledger.nextNonce('coincorner:key-1', ahead);
        await ledger.close();
        const reopened = await open();
        expect(await reopened.nextNonce('coincorner:key-1', Date.now())).toBe(last + 1);
      });

      it('gives distinct values to many callers on two instances at once, each in increasing order', async () => {
        const [first, second] = await Promise.all([open(), open()]);
        const sequences = await Promise.all(
          [first, second, first, second, first, second].map(async (ledger) => {
            const values: number[] = [];
            for (let call = 0; call < 15; call += 1) {
              // Callers whose clocks disagree: half of them run a second behind.
              values.push(await ledger.nextNonce('coincorner:shared', Date.now() - (call % 2) * 1_000));
            }
            return values;
          }),
        );
        const all = sequences.flat();
        expect(new Set(all).size).toBe(all.length);
        for (const values of sequences) {
          for (let index = 1; index < values.length; index += 1) {
            expect(values[index]).toBeGreaterThan(values[index - 1] ?? Number.POSITIVE_INFINITY);
          }
        }
      });

      it('refuses a floor that is not a safe non-negative integer, and to go past the safe range', async () => {
        const ledger = await open();
        for (const floor of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
          await expect(ledger.nextNonce('coincorner:key-1', floor), String(floor)).rejects.toThrow(TypeError);
        }
        expect(await ledger.nextNonce('coincorner:key-1', Number.MAX_SAFE_INTEGER)).toBe(
          Number.MAX_SAFE_INTEGER,
        );
        await expect(ledger.nextNonce('coincorner:key-1', 0)).rejects.toThrow();
        expect(await ledger.nextNonce('coincorner:key-2', 1)).toBe(1);
      });

      it('is strictly increasing and never below the floor, for any floors', async () => {
        const ledger = await open();
        let run = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.integer({ min: 0, max: 2 ** 45 }), { minLength: 1, maxLength: 12 }),
            async (floors) => {
              const scope = `property-${run++}`;
              let previous = -1;
              for (const floor of floors) {
                const value = await ledger.nextNonce(scope, floor);
                expect(Number.isSafeInteger(value)).toBe(true);
                expect(value).toBeGreaterThan(previous);
                expect(value).toBeGreaterThanOrEqual(floor);
                // Never further ahead than needed: the floor, or one past the last value.
                expect(value).toBe(Math.max(floor, previous + 1));
                previous = value;
              }
            },
          ),
          { numRuns: 40 },
        );
      });
    });

    describe('countByState', () => {
      it('counts every state, zero included', async () => {
        const ledger = await open();
        const empty = await ledger.countByState();
        expect(empty).toEqual(Object.fromEntries(refundStates.map((state) => [state, 0])));
        await seed(ledger, 'sending');
        await seed(ledger, 'sending');
        await seed(ledger, 'pending', { nextCheckAt: new Date() });
        await seed(ledger, 'needs_attention');
        expect(await ledger.countByState()).toEqual({
          ...empty,
          sending: 2,
          pending: 1,
          needs_attention: 1,
        });
      });
    });

    describe('countByStateAndAccount', () => {
      it('counts refunds per account and state, only the pairs that have any', async () => {
        const ledger = await open();
        expect(await ledger.countByStateAndAccount()).toEqual([]);
        const move = async (refund: RefundRecord, state: RefundState) =>
          ledger.transition(refund.refundId, {
            from: ['sending'],
            patch: { state, leaseOwner: null, leaseUntil: null },
            event: { type: 'seeded', data: { state } },
          });
        for (let index = 0; index < 3; index += 1)
          await move(
            (await ledger.createRefund(newRefund({ account: 'account-a' }))).refund,
            'needs_attention',
          );
        await move((await ledger.createRefund(newRefund({ account: 'account-a' }))).refund, 'succeeded');
        await ledger.createRefund(newRefund({ account: 'account-b' }));
        await move(
          (await ledger.createRefund(newRefund({ account: 'account-b' }))).refund,
          'needs_attention',
        );
        expect(await ledger.countByStateAndAccount()).toEqual([
          { account: 'account-a', state: 'needs_attention', count: 3 },
          { account: 'account-a', state: 'succeeded', count: 1 },
          { account: 'account-b', state: 'needs_attention', count: 1 },
          { account: 'account-b', state: 'sending', count: 1 },
        ]);
      });
    });

    describe('actor', () => {
      it("records who asked in a refund's first event, and nothing when nobody is named", async () => {
        const ledger = await open();
        const named = await ledger.createRefund(newRefund({ actor: 'ops-alice' }));
        const unnamed = await ledger.createRefund(newRefund());
        expect((await ledger.events(named.refund.refundId))[0]?.data).toMatchObject({ actor: 'ops-alice' });
        expect((await ledger.events(unnamed.refund.refundId))[0]?.data).not.toHaveProperty('actor');
      });
    });

    describe('lifecycle', () => {
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
  });
}
