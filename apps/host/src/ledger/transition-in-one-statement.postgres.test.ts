import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newRefund } from '../../test/ledger/new-refund';
import { type RunningPostgres, startPostgres } from '../../test/support/start-postgres';
import { countByState } from './count-by-state';
import { orderKey } from './create-order-waiters';
import type { NewRefund, WebhookOutbox } from './ledger';
import { silentLogger } from './ledger-logger';
import type { LedgerStore } from './ledger-store';
import { loadPg } from './load-pg';
import { orderReleasedChannel } from './order-released-channel';
import { openPostgresStore } from './postgres-store';
import { recordRefund } from './record-refund';
import { transitionRefund } from './transition-refund';

let postgres: RunningPostgres | undefined;

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

/** The payloads announced on the order release channel while it listens. */
async function listenForReleases(url: string) {
  const { Client } = await loadPg();
  const client = new Client({ connectionString: url });
  const payloads: string[] = [];
  client.on('notification', (message) => {
    if (message.channel === orderReleasedChannel && message.payload !== undefined)
      payloads.push(message.payload);
  });
  await client.connect();
  await client.query(`listen ${orderReleasedChannel}`);
  return { payloads, stop: () => client.end() };
}

/** A PostgreSQL store whose two ways of writing are counted. */
async function countedStore() {
  if (postgres === undefined) throw new Error('PostgreSQL did not start');
  const url = await postgres.createDatabase();
  const store = await openPostgresStore(url, silentLogger);
  const writeOneStatement = store.writeOneStatement;
  if (writeOneStatement === undefined) throw new Error('the PostgreSQL store writes no single statements');
  const calls = { write: 0, writeOneStatement: 0 };
  const counted: LedgerStore = {
    ...store,
    write: (work, options) => {
      calls.write += 1;
      return store.write(work, options);
    },
    writeOneStatement: (run) => {
      calls.writeOneStatement += 1;
      return writeOneStatement(run);
    },
  };
  return { store: counted, calls, url };
}

/**
 * A counted store holding one refund recorded with its order locked by `lockOwner`, the counts reset after the
 * record; closed after `test`.
 */
async function withRecordedRefund(
  lockOwner: string,
  test: (subject: Awaited<ReturnType<typeof countedStore>> & { input: NewRefund }) => Promise<void>,
): Promise<void> {
  const subject = await countedStore();
  try {
    const input = newRefund({ leaseOwner: 'instance-a' });
    expect((await recordRefund(subject.store, input, { owner: lockOwner, ttlMs: 60_000 })).outcome).toBe(
      'created',
    );
    subject.calls.write = 0;
    subject.calls.writeOneStatement = 0;
    await test({ ...subject, input });
  } finally {
    await subject.store.close();
  }
}

const noEndpoints: WebhookOutbox = { endpoints: [], giveUpAfterMs: 60_000 };
const hearingEverything: WebhookOutbox = { endpoints: [{ id: 'everything' }], giveUpAfterMs: 60_000 };
const outcome = {
  from: ['sending' as const],
  leaseOwner: 'instance-a',
  patch: {
    state: 'succeeded' as const,
    providerStatus: 'succeeded' as const,
    leaseOwner: null,
    leaseUntil: null,
  },
  event: { type: 'provider_accepted', data: { status: 'succeeded', amount: '1.50000000' } },
  releaseOrderLock: { owner: 'request-a' },
};

describe('a transition on PostgreSQL', () => {
  it('is one statement when no webhook endpoint hears of it, with its event, counts and the lock released', async () => {
    await withRecordedRefund('request-a', async ({ store, calls, input }) => {
      const moved = await transitionRefund(store, noEndpoints, input.refundId, outcome);

      expect(calls.writeOneStatement).toBe(1);
      expect(calls.write).toBe(0);
      expect(moved).toMatchObject({ refundId: input.refundId, state: 'succeeded' });
      const events = await store.database
        .selectFrom('refund_events')
        .select(['type', 'data'])
        .where('refund_id', '=', input.refundId)
        .orderBy('id')
        .execute();
      expect(events).toEqual([
        expect.objectContaining({ type: 'created' }),
        { type: 'provider_accepted', data: '{"status":"succeeded","amount":"1.50000000"}' },
      ]);
      const locks = await store.database.selectFrom('order_locks').selectAll().execute();
      expect(locks).toEqual([]);
      expect(await countByState(store)).toMatchObject({ sending: 0, succeeded: 1 });
      // The guard holds as in a transaction: the same change again matches no row and writes nothing.
      expect(await transitionRefund(store, noEndpoints, input.refundId, outcome)).toBeUndefined();
      expect(await countByState(store)).toMatchObject({ sending: 0, succeeded: 1 });
      const eventCount = await store.database
        .selectFrom('refund_events')
        .select((expression) => expression.fn.countAll().as('count'))
        .where('refund_id', '=', input.refundId)
        .executeTakeFirstOrThrow();
      expect(Number(eventCount.count)).toBe(2);
    });
  });

  for (const [path, outbox] of [
    ['one statement', noEndpoints],
    ['one transaction', hearingEverything],
  ] as const) {
    it(`announces a release (${path}) only when an instance waits for the order`, async () => {
      await withRecordedRefund('request-a', async ({ store, url, input }) => {
        // What every instance hears on the channel. NOTIFY takes a lock that every committing notifier shares
        // (issue 19), so a release nobody waits for announces nothing.
        const heard = await listenForReleases(url);
        try {
          await transitionRefund(store, outbox, input.refundId, outcome);

          const awaited = newRefund({ leaseOwner: 'instance-a' });
          expect((await recordRefund(store, awaited, { owner: 'request-a', ttlMs: 60_000 })).outcome).toBe(
            'created',
          );
          const released = store.waitForOrderRelease(awaited.account, awaited.orderId, Date.now() + 20_000);
          // The waiter marks the lock before it sleeps; the release that follows announces it.
          await vi.waitFor(async () => {
            const [lock] = await store.database.selectFrom('order_locks').select('waiting').execute();
            expect(lock?.waiting).toBe(true);
          });
          const started = Date.now();
          await transitionRefund(store, outbox, awaited.refundId, outcome);
          await released;
          expect(Date.now() - started).toBeLessThan(900);
          // Notifications arrive in commit order: the first release's would have come before this one.
          await vi.waitFor(() =>
            expect(heard.payloads).toEqual([orderKey(awaited.account, awaited.orderId)]),
          );
        } finally {
          await heard.stop();
        }
      });
    });
  }

  it('ends a wait at once when the lock was released before the waiter could mark it', async () => {
    await withRecordedRefund('request-a', async ({ store, input }) => {
      // The waiter was refused while the lock held; the release commits before its mark, announcing nothing.
      await transitionRefund(store, noEndpoints, input.refundId, outcome);
      const started = Date.now();
      await store.waitForOrderRelease(input.account, input.orderId, Date.now() + 20_000);
      // Sooner than the recheck (a second) that would otherwise have ended it.
      expect(Date.now() - started).toBeLessThan(500);
    });
  });

  it('keeps the lock of another owner', async () => {
    await withRecordedRefund('request-b', async ({ store, input }) => {
      await transitionRefund(store, noEndpoints, input.refundId, outcome);
      const locks = await store.database.selectFrom('order_locks').select('owner').execute();
      expect(locks).toEqual([{ owner: 'request-b' }]);
    });
  });

  it('is one transaction when an endpoint hears of it (the event carries the refund as changed)', async () => {
    await withRecordedRefund('request-a', async ({ store, calls, input }) => {
      await transitionRefund(store, hearingEverything, input.refundId, outcome);
      expect(calls.write).toBe(1);
      expect(calls.writeOneStatement).toBe(0);
      const webhookEvents = await store.database.selectFrom('webhook_events').select('type').execute();
      expect(webhookEvents).toEqual([{ type: 'refund.succeeded' }]);
    });
  });

  it('is one transaction when the state it leaves must be read (a guard from several states)', async () => {
    await withRecordedRefund('request-a', async ({ store, calls, input }) => {
      await transitionRefund(store, noEndpoints, input.refundId, {
        ...outcome,
        from: ['sending', 'unknown'],
      });
      expect(calls.write).toBe(1);
      expect(calls.writeOneStatement).toBe(0);
      expect(await countByState(store)).toMatchObject({ sending: 0, succeeded: 1 });
    });
  });
});
