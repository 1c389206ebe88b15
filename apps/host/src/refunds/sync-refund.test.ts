import { RefundError, type RefundProviderV1, type RefundResult } from '@refunds/core';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryPayProvider } from '../../test/support/memory-pay-provider';
import { createLedger } from '../ledger/create-ledger';
import type { Ledger } from '../ledger/ledger';
import { HostError } from './host-error';
import { syncRefund } from './sync-refund';

let ledger: Ledger;

beforeEach(async () => {
  ledger = await createLedger({ sqlitePath: ':memory:' });
});
afterEach(async () => {
  await ledger.close();
});

const answer = (status: RefundResult['status']): RefundResult => ({
  refundId: 'refund-1',
  provider: 'memorypay',
  status,
  amount: { amount: '1.00', currency: 'USD' },
  raw: {},
});

function provider(getRefund: RefundProviderV1['getRefund']) {
  const lookups: string[] = [];
  const memorypay = memoryPayProvider({
    refund: () => Promise.reject(new Error('a sync never refunds here')),
    getRefund: (lookup, options) => {
      lookups.push(lookup.refundId);
      return getRefund(lookup, options);
    },
  });
  return { memorypay, lookups };
}

const context = (memorypay: RefundProviderV1, leaseMs = 10_000) => ({
  ledger,
  accounts: new Map([['memorypay:main', { provider: memorypay }]]),
  instanceId: 'host-a',
  logger: pino({ level: 'silent' }),
  leaseMs,
});

async function unknownRefund(account = 'memorypay:main') {
  await ledger.createRefund({
    refundId: 'refund-1',
    account,
    provider: 'memorypay',
    orderId: 'order-1',
    amount: '1.00',
    currency: 'USD',
    requestHash: 'hash',
    request: { refundId: 'refund-1', orderId: 'order-1', amount: { amount: '1.00', currency: 'USD' } },
    leaseOwner: 'host-a',
    leaseMs: 60_000,
  });
  return ledger.transition('refund-1', {
    from: ['sending'],
    patch: { state: 'unknown', leaseOwner: null, leaseUntil: null },
    event: { type: 'provider_failed', data: {} },
  });
}

async function hostError(work: Promise<unknown>): Promise<HostError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

describe('syncRefund', () => {
  it('asks the provider now and records what it says', async () => {
    const { memorypay, lookups } = provider(async () => answer('succeeded'));
    await unknownRefund();
    const refund = await syncRefund('refund-1', context(memorypay));
    expect(refund.state).toBe('succeeded');
    expect(refund.leaseOwner).toBeUndefined();
    expect(lookups).toEqual(['refund-1']);
  });

  it('answers 404 for a refund the ledger does not have', async () => {
    const { memorypay } = provider(async () => answer('succeeded'));
    const error = await hostError(syncRefund('refund-9', context(memorypay)));
    expect(error.status).toBe(404);
    expect(error.code).toBe('refund_not_found');
    expect(error.message).toContain('refund-9');
  });

  it('answers 409 for a refund of an account this host does not serve, and leaves it alone', async () => {
    const { memorypay, lookups } = provider(async () => answer('succeeded'));
    await unknownRefund('memorypay:other');
    const error = await hostError(syncRefund('refund-1', context(memorypay)));
    expect(error.status).toBe(409);
    expect(error.code).toBe('account_not_configured');
    expect(error.message).toContain('memorypay:other');
    expect(lookups).toEqual([]);
    expect((await ledger.getRefund('refund-1'))?.leaseOwner).toBeUndefined();
  });

  it('returns a final refund as it stands, without a lookup', async () => {
    const { memorypay, lookups } = provider(async () => answer('failed'));
    await unknownRefund();
    await ledger.transition('refund-1', {
      from: ['unknown'],
      patch: { state: 'succeeded' },
      event: { type: 'test', data: {} },
    });
    expect((await syncRefund('refund-1', context(memorypay))).state).toBe('succeeded');
    expect(lookups).toEqual([]);
  });

  it('returns the refund as it stands when the reconcile step moved nothing', async () => {
    const { memorypay } = provider(async () => answer('succeeded'));
    await unknownRefund();
    // The account is configured for the claim but not for the reconciler: it gives nothing back.
    const accounts = new Map([['memorypay:main', { provider: memorypay }]]);
    let asked = 0;
    const refund = await syncRefund('refund-1', {
      ...context(memorypay),
      accounts: {
        has: (name: string) => accounts.has(name),
        get: (name: string) => (asked++ === 0 ? undefined : accounts.get(name)),
      } as unknown as ReadonlyMap<string, { provider: RefundProviderV1 }>,
    });
    expect(refund.state).toBe('unknown');
    expect(refund.leaseOwner).toBe('host-a');
  });

  it('makes one lookup for two concurrent syncs; the second returns its outcome', async () => {
    let release: () => void = () => {};
    const { memorypay, lookups } = provider(
      () =>
        new Promise((resolve) => {
          release = () => resolve(answer('succeeded'));
        }),
    );
    await unknownRefund();
    const first = syncRefund('refund-1', context(memorypay));
    while (lookups.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = syncRefund('refund-1', context(memorypay));
    await new Promise((resolve) => setTimeout(resolve, 80));
    const released = Date.now();
    release();
    const [one, two] = await Promise.all([first, second]);
    // The second returns as soon as the lease is given back, not when it would have run out.
    expect(Date.now() - released).toBeLessThan(2_000);
    expect(lookups).toEqual(['refund-1']);
    expect(one.state).toBe('succeeded');
    expect(two.state).toBe('succeeded');
  });

  it('gives up waiting for a lease that outlives the sync, returning the refund as it stands', async () => {
    const { memorypay, lookups } = provider(async () => answer('succeeded'));
    await unknownRefund();
    await ledger.transition('refund-1', {
      from: ['unknown'],
      patch: { leaseOwner: 'host-b', leaseUntil: new Date(Date.now() + 60_000) },
      event: { type: 'test', data: {} },
    });
    const started = Date.now();
    const refund = await syncRefund('refund-1', context(memorypay, 150));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(refund).toMatchObject({ state: 'unknown', leaseOwner: 'host-b' });
    expect(lookups).toEqual([]);
  });

  it('records a failed lookup as a failed check', async () => {
    const { memorypay } = provider(() =>
      Promise.reject(
        new RefundError({ code: 'network', outcome: 'unknown', provider: 'memorypay', message: 'reset' }),
      ),
    );
    await unknownRefund();
    const refund = await syncRefund('refund-1', context(memorypay));
    expect(refund).toMatchObject({ state: 'unknown', checkFailures: 1 });
  });

  it("stops waiting once another host's lease runs out, returning the refund as that host left it", async () => {
    const { memorypay, lookups } = provider(async () => answer('succeeded'));
    await unknownRefund();
    const leaseEnds = Date.now() + 150;
    await ledger.transition('refund-1', {
      from: ['unknown'],
      patch: { leaseOwner: 'host-b', leaseUntil: new Date(leaseEnds) },
      event: { type: 'test', data: {} },
    });
    const started = Date.now();
    // The sync's own lease would be ten seconds: it must not wait for that once host-b's has ended.
    const refund = await syncRefund('refund-1', context(memorypay, 10_000));
    expect(Date.now()).toBeGreaterThanOrEqual(leaseEnds);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(refund).toMatchObject({ state: 'unknown', leaseOwner: 'host-b' });
    expect(lookups).toEqual([]);
  });

  it('fails loudly, naming the refund, when the ledger loses it during the sync', async () => {
    const { memorypay } = provider(async () => answer('succeeded'));
    await unknownRefund();
    await ledger.transition('refund-1', {
      from: ['unknown'],
      patch: { leaseOwner: 'host-b', leaseUntil: new Date(Date.now() + 60_000) },
      event: { type: 'test', data: {} },
    });
    // A ledger that finds the refund once, then no more: the sync must not hand back nothing as a refund.
    let reads = 0;
    const forgetful = new Proxy(ledger, {
      get(target, property) {
        if (property === 'getRefund') {
          return (refundId: string) =>
            reads++ === 0 ? target.getRefund(refundId) : Promise.resolve(undefined);
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(syncRefund('refund-1', { ...context(memorypay), ledger: forgetful })).rejects.toThrow(
      'refund refund-1 vanished from the ledger',
    );
  });
});

describe('syncRefund: who asked', () => {
  /** The ledger, recording the data of every event written through it. */
  function recordingLedger() {
    const written: unknown[] = [];
    const recording = new Proxy(ledger, {
      get(target, property) {
        if (property === 'transition') {
          return (refundId: string, change: Parameters<Ledger['transition']>[1]) => {
            written.push(change.event.data);
            return target.transition(refundId, change);
          };
        }
        if (property === 'appendEvent') {
          return (refundId: string, type: string, data?: unknown) => {
            written.push(data);
            return target.appendEvent(refundId, type, data);
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { recording, written };
  }

  it('names the API key that asked in every event the sync writes', async () => {
    const { memorypay } = provider(async () => answer('succeeded'));
    await unknownRefund();
    const before = (await ledger.events('refund-1')).length;
    const { recording, written } = recordingLedger();
    const refund = await syncRefund('refund-1', { ...context(memorypay), ledger: recording }, 'ops-alice');
    expect(refund.state).toBe('succeeded');
    expect(written.length).toBeGreaterThan(0);
    for (const data of written) expect(data).toMatchObject({ actor: 'ops-alice' });
    const events = (await ledger.events('refund-1')).slice(before);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(event.data).toMatchObject({ actor: 'ops-alice' });
  });

  it('writes no actor at all when nobody is named', async () => {
    const { memorypay } = provider(async () => answer('succeeded'));
    await unknownRefund();
    const before = (await ledger.events('refund-1')).length;
    const { recording, written } = recordingLedger();
    expect((await syncRefund('refund-1', { ...context(memorypay), ledger: recording })).state).toBe(
      'succeeded',
    );
    expect(written.length).toBeGreaterThan(0);
    for (const data of written) expect(data ?? {}).not.toHaveProperty('actor');
    for (const event of (await ledger.events('refund-1')).slice(before)) {
      expect(event.data ?? {}).not.toHaveProperty('actor');
    }
  });
});
