import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger, NewRefund, RefundState, WebhookAttempt, WebhookOutbox } from '../../src/ledger/ledger';
import type { LedgerDialect } from '../../src/ledger/ledger-dialect';
import { toRefundView } from '../../src/ledger/to-refund-view';
import { resolvedEventType } from '../../src/ledger/webhook-event-type';
import type { LedgerStoreSubject } from './ledger-store-subject';

const minute = 60_000;

const outbox: WebhookOutbox = {
  endpoints: [
    { id: 'shop' },
    { id: 'finance', events: ['refund.succeeded', 'refund.failed'] },
    { id: 'pager', events: ['refund.needs_attention'] },
  ],
  giveUpAfterMs: 3 * 24 * 60 * minute,
};

function newRefund(): NewRefund {
  const refundId = `refund-${randomBytes(6).toString('hex')}`;
  const orderId = `order-${randomBytes(6).toString('hex')}`;
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
  };
}

const attempt = (status: number | undefined): WebhookAttempt => ({
  startedAt: new Date(),
  latencyMs: 12,
  status,
  error: status === undefined ? 'timeout' : undefined,
  responseExcerpt: status === undefined ? undefined : 'ok',
  instance: 'host-1',
});

/** What a refund's events say, in order: type and sequence. */
async function eventsOf(ledger: Ledger, refundId: string) {
  return (await ledger.webhookEvents(refundId)).map((event) => `${event.sequence}:${event.type}`);
}

/**
 * The webhook outbox (issue 16), run identically against each dialect: the event row exists exactly when the
 * change it reports does, and deliveries are claimed by one instance at a time.
 */
export function describeWebhookOutbox(
  name: string,
  options: { dialect: LedgerDialect; createStore: () => Promise<LedgerStoreSubject> },
): void {
  describe(`webhook outbox: ${name}`, () => {
    let store: LedgerStoreSubject;
    let opened: Ledger[];

    const open = async (webhooks: WebhookOutbox = outbox): Promise<Ledger> => {
      const ledger = await store.open({ webhooks });
      opened.push(ledger);
      return ledger;
    };

    const move = (
      ledger: Ledger,
      refundId: string,
      from: RefundState[],
      state: RefundState,
      type = 'moved',
    ) => ledger.transition(refundId, { from, patch: { state }, event: { type, data: { state } } });

    beforeEach(async () => {
      opened = [];
      store = await options.createStore();
    });

    afterEach(async () => {
      await Promise.all(opened.map((ledger) => ledger.close()));
      await store.dispose();
    });

    it('writes one event with the change, as the API shows the refund, and a delivery per subscriber', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      expect(await ledger.webhookEvents(refund.refundId)).toEqual([]);

      const succeeded = await move(ledger, refund.refundId, ['sending'], 'succeeded');
      if (succeeded === undefined) throw new Error('the transition should have applied');
      const [event, ...others] = await ledger.webhookEvents(refund.refundId);
      expect(others).toEqual([]);
      expect(event?.type).toBe('refund.succeeded');
      expect(event?.id).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(JSON.parse(event?.payload ?? '')).toEqual({
        type: 'refund.succeeded',
        timestamp: succeeded.updatedAt.toISOString(),
        sequence: 1,
        data: toRefundView(succeeded),
      });

      const deliveries = await ledger.webhookDeliveries(refund.refundId);
      expect(deliveries.map((delivery) => delivery.endpointId).sort()).toEqual(['finance', 'shop']);
      for (const delivery of deliveries) {
        expect(delivery).toMatchObject({
          eventId: event?.id,
          state: 'pending',
          attempts: 0,
          sequence: 1,
          type: 'refund.succeeded',
          attemptLog: [],
        });
        expect(delivery.giveUpAt.getTime() - delivery.createdAt.getTime()).toBe(outbox.giveUpAfterMs);
      }
    });

    it('numbers a refund events 1, 2, 3 and reports a decision as refund.resolved', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      await move(ledger, refund.refundId, ['sending'], 'pending');
      await move(ledger, refund.refundId, ['pending'], 'pending'); // still pending: nothing new to tell
      await move(ledger, refund.refundId, ['pending'], 'unknown'); // the host's own business
      await move(ledger, refund.refundId, ['unknown'], 'needs_attention');
      await move(ledger, refund.refundId, ['needs_attention'], 'succeeded', resolvedEventType);
      expect(await eventsOf(ledger, refund.refundId)).toEqual([
        '1:refund.pending',
        '2:refund.needs_attention',
        '3:refund.resolved',
      ]);
      const pager = (await ledger.webhookDeliveries(refund.refundId)).filter(
        (delivery) => delivery.endpointId === 'pager',
      );
      expect(pager.map((delivery) => delivery.type)).toEqual(['refund.needs_attention']);
    });

    it('writes no event when the guard does not hold, nor when the transaction is rolled back', async () => {
      const ledger = await open();
      const { refund } = await ledger.createRefund(newRefund());
      expect(await move(ledger, refund.refundId, ['pending'], 'succeeded')).toBeUndefined();

      const failure = new Error('the notification could not be applied');
      await expect(
        ledger.applyNotification('account-a', `notification-${refund.refundId}`, {}, async (transaction) => {
          await transaction.transition(refund.refundId, {
            from: ['sending'],
            patch: { state: 'succeeded' },
            event: { type: 'notification', data: {} },
          });
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect((await ledger.getRefund(refund.refundId))?.state).toBe('sending');
      expect(await ledger.webhookEvents(refund.refundId)).toEqual([]);
      expect(await ledger.webhookDeliveries(refund.refundId)).toEqual([]);

      // Applied for real, the notification's change and its event commit together.
      await ledger.applyNotification('account-a', `notification-${refund.refundId}`, {}, (transaction) =>
        transaction.transition(refund.refundId, {
          from: ['sending'],
          patch: { state: 'succeeded' },
          event: { type: 'notification', data: {} },
        }),
      );
      expect(await eventsOf(ledger, refund.refundId)).toEqual(['1:refund.succeeded']);
    });

    it('keeps one event per change under any sequence of transitions, on two instances at once', async () => {
      const [first, second] = [await open(), await open()];
      const states: RefundState[] = [
        'sending',
        'pending',
        'succeeded',
        'failed',
        'unknown',
        'needs_attention',
      ];
      const step = fc.record({
        on: fc.constantFrom(first, second),
        from: fc.subarray(states, { minLength: 1 }),
        to: fc.constantFrom(...states),
        resolved: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
          async (rounds) => {
            const { refund } = await first.createRefund(newRefund());
            for (const round of rounds) {
              // Concurrent transitions, some from the same state: each that applies writes its own event.
              await Promise.all(
                round.map((change) =>
                  move(
                    change.on,
                    refund.refundId,
                    change.from,
                    change.to,
                    change.resolved ? resolvedEventType : 'x',
                  ),
                ),
              );
            }
            // The refund's history (written in the same transactions) says which changes happened, in order.
            const expected: string[] = [];
            let previous: RefundState = 'sending';
            for (const event of (await first.events(refund.refundId)).slice(1)) {
              const next = (event.data as { state: RefundState }).state;
              if (event.type === resolvedEventType) expected.push('refund.resolved');
              else if (
                next !== previous &&
                ['pending', 'succeeded', 'failed', 'needs_attention'].includes(next)
              ) {
                expected.push(`refund.${next}`);
              }
              previous = next;
            }
            const events = await first.webhookEvents(refund.refundId);
            expect(events.map((event) => event.type)).toEqual(expected);
            expect(events.map((event) => event.sequence)).toEqual(expected.map((_, index) => index + 1));
            // The counts kept in the same transactions agree with the refunds themselves.
            const kept = await second.countByStateAndAccount();
            for (const state of states) {
              const { refunds } = await first.listRefunds({ account: 'account-a', state, limit: 100 });
              const count =
                kept.find((line) => line.account === 'account-a' && line.state === state)?.count ?? 0;
              expect(count, state).toBe(refunds.length);
            }
          },
        ),
        { numRuns: options.dialect === 'postgres' ? 15 : 30 },
      );
    });

    it('hands each due delivery to one claimer, and takes it back only when its lease ran out', async () => {
      const [first, second] = [await open(), await open()];
      for (let index = 0; index < 10; index += 1) {
        const { refund } = await first.createRefund(newRefund());
        await move(first, refund.refundId, ['sending'], 'succeeded');
      }
      const now = new Date(Date.now() + 1_000);
      const claims = { now, leaseMs: minute, limit: 100, endpoints: ['shop', 'finance'] };
      const [left, right] = await Promise.all([
        first.claimWebhookDeliveries('host-1', claims),
        second.claimWebhookDeliveries('host-2', claims),
      ]);
      const claimed = [...left, ...right].map((delivery) => delivery.id);
      expect(claimed).toHaveLength(20);
      expect(new Set(claimed).size).toBe(20);
      expect(await first.claimWebhookDeliveries('host-3', claims)).toEqual([]);
      // Another instance that serves no endpoint of these takes none, even expired.
      const later = new Date(now.getTime() + 2 * minute);
      expect(
        await first.claimWebhookDeliveries('host-3', { ...claims, now: later, endpoints: ['pager'] }),
      ).toEqual([]);
      const taken = await first.claimWebhookDeliveries('host-3', { ...claims, now: later });
      expect(taken).toHaveLength(20);
      expect(JSON.parse(taken[0]?.payload ?? '').type).toBe('refund.succeeded');
    });

    it('records every attempt, moves on only under the lease, and redelivers on demand', async () => {
      const ledger = await open({ endpoints: [{ id: 'shop' }], giveUpAfterMs: minute });
      const { refund } = await ledger.createRefund(newRefund());
      await move(ledger, refund.refundId, ['sending'], 'failed');
      const claims = { now: new Date(Date.now() + 1_000), leaseMs: minute, limit: 10, endpoints: ['shop'] };
      const [delivery] = await ledger.claimWebhookDeliveries('host-1', claims);
      if (delivery === undefined) throw new Error('nothing claimed');

      const retryAt = new Date(Date.now() + 5_000);
      const retried = await ledger.recordWebhookAttempt(delivery.id, 'host-1', attempt(500), {
        state: 'pending',
        nextAttemptAt: retryAt,
      });
      expect(retried).toMatchObject({
        state: 'pending',
        attempts: 1,
        lastStatus: 500,
        nextAttemptAt: retryAt,
      });
      // Not due before its time.
      expect(await ledger.claimWebhookDeliveries('host-1', claims)).toEqual([]);
      const [again] = await ledger.claimWebhookDeliveries('host-1', {
        ...claims,
        now: new Date(retryAt.getTime()),
      });
      expect(again?.id).toBe(delivery.id);
      // A lease lost: the attempt is evidence all the same, but the delivery stays with its new owner.
      expect(
        await ledger.recordWebhookAttempt(delivery.id, 'host-2', attempt(undefined), { state: 'abandoned' }),
      ).toBeUndefined();
      const delivered = await ledger.recordWebhookAttempt(delivery.id, 'host-1', attempt(204), {
        state: 'delivered',
      });
      expect(delivered).toMatchObject({
        state: 'delivered',
        attempts: 2,
        lastStatus: 204,
        nextAttemptAt: undefined,
      });
      expect(delivered?.deliveredAt).toBeInstanceOf(Date);

      const [listed] = await ledger.webhookDeliveries(refund.refundId);
      expect(listed?.attemptLog.map((entry) => entry.status)).toEqual([500, undefined, 204]);
      expect(listed?.attemptLog[1]).toMatchObject({ error: 'timeout', instance: 'host-1' });
      expect(await ledger.oldestUndeliveredWebhooks()).toEqual([]);

      const now = new Date();
      const redelivered = await ledger.redeliverWebhook(delivery.id, { now });
      // Retried for the whole give-up time again, from now.
      expect(redelivered).toMatchObject({
        state: 'pending',
        nextAttemptAt: now,
        giveUpAt: new Date(now.getTime() + minute),
        deliveredAt: undefined,
      });
      expect(await ledger.oldestUndeliveredWebhooks()).toEqual([
        { endpointId: 'shop', createdAt: delivery.createdAt },
      ]);
      expect(await ledger.redeliverWebhook('whd_unknown', { now: new Date() })).toBeUndefined();
    });
  });
}
