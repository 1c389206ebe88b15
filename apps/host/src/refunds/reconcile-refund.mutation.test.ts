import {
  type CallOptions,
  RefundError,
  type RefundLookup,
  type RefundProviderV1,
  type RefundResult,
} from '@refunds/core';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryPayProvider } from '../../test/support/memory-pay-provider';
import { createLedger } from '../ledger/create-ledger';
import type { Ledger, RefundPatch, RefundState } from '../ledger/ledger';
import { nextCheck, reconcileRefund } from './reconcile-refund';

// The reconciler's decisions at their edges: the cases reconcile-refund.test.ts leaves to these. Each states what
// the host promises (never resend a refund the provider once accepted; hand a refund to a person once its
// checks are exhausted; a refund handed to a person stays with them).

let ledger: Ledger;

beforeEach(async () => {
  ledger = await createLedger({ sqlitePath: ':memory:' });
});
afterEach(async () => {
  await ledger.close();
});

const account = 'memorypay:main';
const settleWindowMs = 60_000;

const notFound = () =>
  new RefundError({
    code: 'not_found',
    outcome: 'rejected',
    provider: 'memorypay',
    message: 'no such refund',
  });
const networkError = () =>
  new RefundError({ code: 'network', outcome: 'unknown', provider: 'memorypay', message: 'reset' });

const answer = (status: RefundResult['status'], extra: Partial<RefundResult> = {}): RefundResult => ({
  refundId: 'refund-1',
  provider: 'memorypay',
  status,
  amount: { amount: '1.00', currency: 'USD' },
  raw: {},
  ...extra,
});

function scriptedProvider(options: {
  nativeIdempotency?: boolean;
  lookup: () => Promise<RefundResult>;
  refund?: () => Promise<RefundResult>;
}) {
  const lookups: { lookup: RefundLookup; options: CallOptions | undefined }[] = [];
  const refundCalls: (CallOptions | undefined)[] = [];
  const provider = memoryPayProvider({
    capabilities: { nativeIdempotency: options.nativeIdempotency ?? true },
    refund: (_request, callOptions) => {
      refundCalls.push(callOptions);
      return options.refund ? options.refund() : Promise.resolve(answer('pending'));
    },
    getRefund: (lookup, callOptions) => {
      lookups.push({ lookup, options: callOptions });
      return options.lookup();
    },
  });
  return { provider, lookups, refundCalls };
}

const context = (
  provider: RefundProviderV1,
  extra: { maxResends?: number; maxCheckFailures?: number } = {},
) => ({
  ledger,
  accounts: new Map([[account, { provider, reconciliation: { settleWindowMs } }]]),
  instanceId: 'host-a',
  logger: pino({ level: 'silent' }),
  leaseMs: 10_000,
  ...extra,
});

/** A refund in `state`, with the patch applied, claimed by host-a. */
async function claimed(state: RefundState, patch: RefundPatch = {}) {
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
  const refund = await ledger.transition('refund-1', {
    from: ['sending'],
    patch: { state, leaseOwner: 'host-a', leaseUntil: new Date(Date.now() + 60_000), ...patch },
    event: { type: 'test', data: {} },
  });
  return refund!;
}

/** Two "not found" answers a settle window apart are behind it: the next one proves absence. */
const provenMissing = {
  notFoundAt: new Date(Date.now() - settleWindowMs),
  sentAt: new Date(Date.now() - 2 * settleWindowMs),
};

describe('reconcileRefund: never resends a refund the provider once accepted', () => {
  it('hands over a refund with a provider refund id, though it is unknown now', async () => {
    const { provider, refundCalls } = scriptedProvider({ lookup: () => Promise.reject(notFound()) });
    const refund = await claimed('unknown', { providerRefundId: 'p-1', ...provenMissing });
    const reconciled = await reconcileRefund(refund, context(provider));
    expect(reconciled?.state).toBe('needs_attention');
    expect(refundCalls).toEqual([]);
    expect((await ledger.events('refund-1')).at(-1)).toMatchObject({
      type: 'needs_attention',
      data: { reason: 'the provider accepted this refund earlier but now reports it does not exist' },
    });
  });

  it('hands over a refund the provider reported pending, though it gave no id', async () => {
    const { provider, refundCalls } = scriptedProvider({ lookup: () => Promise.reject(notFound()) });
    const refund = await claimed('pending', provenMissing);
    const reconciled = await reconcileRefund(refund, context(provider));
    expect(reconciled?.state).toBe('needs_attention');
    expect(refundCalls).toEqual([]);
  });

  it('names the provider that cannot de-duplicate when it hands a refund over instead of resending', async () => {
    const { provider, refundCalls } = scriptedProvider({
      nativeIdempotency: false,
      lookup: () => Promise.reject(notFound()),
    });
    await reconcileRefund(await claimed('unknown', provenMissing), context(provider));
    expect(refundCalls).toEqual([]);
    expect((await ledger.events('refund-1')).at(-1)).toMatchObject({
      type: 'needs_attention',
      data: {
        reason:
          'memorypay reports no refund and cannot de-duplicate a resend, so it was not resent automatically',
      },
    });
  });
});

describe('reconcileRefund: a refund handed to a person stays with them', () => {
  it('adds a "not found" as evidence and never resends', async () => {
    const { provider, refundCalls } = scriptedProvider({ lookup: () => Promise.reject(notFound()) });
    const reconciled = await reconcileRefund(
      await claimed('needs_attention', provenMissing),
      context(provider),
    );
    expect(reconciled?.state).toBe('needs_attention');
    expect(reconciled?.leaseOwner).toBeUndefined();
    expect(refundCalls).toEqual([]);
    expect((await ledger.events('refund-1')).at(-1)?.type).toBe('not_found');
  });

  it('adds a failed check as evidence, without counting it', async () => {
    const { provider } = scriptedProvider({ lookup: () => Promise.reject(networkError()) });
    const reconciled = await reconcileRefund(
      await claimed('needs_attention', { checkFailures: 3 }),
      context(provider),
    );
    expect(reconciled).toMatchObject({ state: 'needs_attention', checkFailures: 3 });
    expect((await ledger.events('refund-1')).at(-1)?.type).toBe('status_check_failed');
  });
});

describe('reconcileRefund: failed checks are exhausted at twenty by default', () => {
  it('hands the refund to a person at the twentieth failed check in a row', async () => {
    const { provider } = scriptedProvider({ lookup: () => Promise.reject(networkError()) });
    const reconciled = await reconcileRefund(
      await claimed('unknown', { checkFailures: 19 }),
      context(provider),
    );
    expect(reconciled).toMatchObject({ state: 'needs_attention', checkFailures: 20 });
    expect(reconciled?.nextCheckAt).toBeUndefined();
    expect((await ledger.events('refund-1')).at(-1)).toMatchObject({
      type: 'needs_attention',
      data: { reason: '20 status checks failed in a row' },
    });
  });

  it('keeps checking at the nineteenth, backing off', async () => {
    const { provider } = scriptedProvider({ lookup: () => Promise.reject(networkError()) });
    const reconciled = await reconcileRefund(
      await claimed('unknown', { checkFailures: 18, attempts: 2 }),
      context(provider),
    );
    expect(reconciled).toMatchObject({ state: 'unknown', checkFailures: 19, attempts: 3 });
    expect(reconciled?.leaseOwner).toBeUndefined();
    const delay = reconciled!.nextCheckAt!.getTime() - Date.now();
    expect(delay).toBeGreaterThan(7_000);
    expect(delay).toBeLessThanOrEqual(8_000);
    expect((await ledger.events('refund-1')).at(-1)).toMatchObject({
      type: 'status_check_failed',
      data: { checkFailures: 19, error: { code: 'network', outcome: 'unknown' } },
    });
  });

  it('turns a sending refund whose host died into unknown on a failed check, and keeps a pending one pending', async () => {
    const { provider } = scriptedProvider({ lookup: () => Promise.reject(new Error('boom')) });
    expect((await reconcileRefund(await claimed('sending'), context(provider)))?.state).toBe('unknown');
    await ledger.close();
    ledger = await createLedger({ sqlitePath: ':memory:' });
    expect((await reconcileRefund(await claimed('pending'), context(provider)))?.state).toBe('pending');
    expect((await ledger.events('refund-1')).at(-1)).toMatchObject({
      data: { error: { message: 'boom' } },
    });
  });
});

describe('reconcileRefund: "not found" before it is proof', () => {
  it('asks again a settle window after the later of the answer and the last send', async () => {
    const { provider } = scriptedProvider({ lookup: () => Promise.reject(notFound()) });
    const reconciled = await reconcileRefund(
      await claimed('sending', { sentAt: new Date(Date.now() - 10 * settleWindowMs) }),
      context(provider),
    );
    expect(reconciled?.state).toBe('unknown');
    const next = reconciled!.nextCheckAt!.getTime();
    expect(next).toBeGreaterThanOrEqual(Date.now() + settleWindowMs - 1_000);
    expect(next).toBeLessThanOrEqual(Date.now() + settleWindowMs);
    expect(reconciled?.attempts).toBe(1);
    expect((await ledger.events('refund-1')).at(-1)).toMatchObject({
      type: 'not_found',
      data: { settleWindowMs, proof: 'not yet: asked again once the settle window has passed' },
    });
  });

  it('keeps the first "not found" when a second one comes too soon, and waits from the last send', async () => {
    const { provider, refundCalls } = scriptedProvider({ lookup: () => Promise.reject(notFound()) });
    const firstSeen = new Date(Date.now() - settleWindowMs / 2);
    const sentAt = new Date(Date.now() - settleWindowMs / 4);
    const reconciled = await reconcileRefund(
      await claimed('pending', { notFoundAt: firstSeen, sentAt }),
      context(provider),
    );
    expect(reconciled?.state).toBe('pending');
    expect(reconciled?.notFoundAt).toEqual(firstSeen);
    expect(reconciled?.nextCheckAt).toEqual(new Date(sentAt.getTime() + settleWindowMs));
    expect(refundCalls).toEqual([]);
  });

  it('takes a "not found" exactly a settle window after the first as proof', async () => {
    const { provider, refundCalls } = scriptedProvider({ lookup: () => Promise.reject(notFound()) });
    await reconcileRefund(await claimed('unknown', provenMissing), context(provider));
    expect(refundCalls).toHaveLength(1);
  });

  it('counts a "not found" that is not a refusal as a failed check', async () => {
    const { provider } = scriptedProvider({
      lookup: () =>
        Promise.reject(
          new RefundError({ code: 'not_found', outcome: 'unknown', provider: 'memorypay', message: 'maybe' }),
        ),
    });
    const reconciled = await reconcileRefund(await claimed('unknown', provenMissing), context(provider));
    expect(reconciled).toMatchObject({ state: 'unknown', checkFailures: 1 });
  });
});

describe('reconcileRefund: resending', () => {
  it('resends once more while fewer than two resends were made', async () => {
    const { provider, refundCalls } = scriptedProvider({ lookup: () => Promise.reject(notFound()) });
    const reconciled = await reconcileRefund(
      await claimed('unknown', { resends: 1, attempts: 4, ...provenMissing }),
      context(provider),
    );
    expect(refundCalls).toEqual([expect.objectContaining({ resend: true })]);
    expect(refundCalls[0]?.signal?.aborted).toBe(false);
    expect(reconciled).toMatchObject({ state: 'pending', resends: 2, attempts: 5 });
    expect(reconciled?.notFoundAt).toBeUndefined();
    expect(reconciled?.leaseOwner).toBeUndefined();
  });

  it('stops at the configured number of resends, saying how many were made', async () => {
    const { provider, refundCalls } = scriptedProvider({ lookup: () => Promise.reject(notFound()) });
    await reconcileRefund(
      await claimed('unknown', { resends: 1, ...provenMissing }),
      context(provider, { maxResends: 1 }),
    );
    expect(refundCalls).toEqual([]);
    expect((await ledger.events('refund-1')).at(-1)).toMatchObject({
      type: 'needs_attention',
      data: { reason: 'still not found after 1 resends' },
    });
  });

  it('records the resend under the claim before the call', async () => {
    let seen: unknown;
    const { provider } = scriptedProvider({
      lookup: () => Promise.reject(notFound()),
      refund: async () => {
        seen = await ledger.getRefund('refund-1');
        return answer('succeeded');
      },
    });
    const reconciled = await reconcileRefund(await claimed('unknown', provenMissing), context(provider));
    expect(seen).toMatchObject({ state: 'unknown', resends: 1, leaseOwner: 'host-a' });
    expect((seen as { notFoundAt?: Date }).notFoundAt).toBeUndefined();
    expect((seen as { sentAt: Date }).sentAt.getTime()).toBeGreaterThan(Date.now() - 5_000);
    expect(reconciled?.state).toBe('succeeded');
    const events = (await ledger.events('refund-1')).map((event) => event.type);
    expect(events.slice(-2)).toEqual(['resending', 'provider_accepted']);
  });

  it('defers the resend while another refund of the order is being sent, without counting a failure', async () => {
    const { provider, refundCalls } = scriptedProvider({ lookup: () => Promise.reject(notFound()) });
    await ledger.acquireOrderLock(account, 'order-1', 'someone-else', 60_000);
    const reconciled = await reconcileRefund(await claimed('unknown', provenMissing), context(provider));
    expect(refundCalls).toEqual([]);
    expect(reconciled).toMatchObject({ state: 'unknown', checkFailures: 0, resends: 0 });
    const delay = reconciled!.nextCheckAt!.getTime() - Date.now();
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(1_000);
    expect((await ledger.events('refund-1')).at(-1)?.type).toBe('resend_deferred');
  });

  it('releases the order lock after the resend', async () => {
    const { provider } = scriptedProvider({ lookup: () => Promise.reject(notFound()) });
    await reconcileRefund(await claimed('unknown', provenMissing), context(provider));
    expect(await ledger.acquireOrderLock(account, 'order-1', 'someone-else', 60_000)).toBe(true);
  });

  it('sends nothing when someone else moved the refund first', async () => {
    const { provider, refundCalls } = scriptedProvider({ lookup: () => Promise.reject(notFound()) });
    const refund = await claimed('unknown', provenMissing);
    await ledger.transition('refund-1', {
      from: ['unknown'],
      patch: { leaseOwner: 'host-b' },
      event: { type: 'claimed', data: {} },
    });
    expect(await reconcileRefund(refund, context(provider))).toBeUndefined();
    expect(refundCalls).toEqual([]);
  });
});

describe('reconcileRefund: what a lookup records', () => {
  it('asks about the refund by its ids, under a deadline', async () => {
    const { provider, lookups } = scriptedProvider({ lookup: async () => answer('succeeded') });
    await reconcileRefund(await claimed('unknown', { providerRefundId: 'p-1' }), context(provider));
    expect(lookups[0]?.lookup).toEqual({ refundId: 'refund-1', orderId: 'order-1', providerRefundId: 'p-1' });
    expect(lookups[0]?.options?.signal?.aborted).toBe(false);
  });

  it('leaves a refund of an account it does not serve alone', async () => {
    const { provider, lookups } = scriptedProvider({ lookup: async () => answer('succeeded') });
    const refund = await claimed('unknown');
    expect(await reconcileRefund({ ...refund, account: 'otherpay:main' }, context(provider))).toBeUndefined();
    expect(lookups).toEqual([]);
  });

  it('backs a pending refund off by its attempts and clears the lease', async () => {
    const { provider } = scriptedProvider({ lookup: async () => answer('pending') });
    const reconciled = await reconcileRefund(await claimed('pending', { attempts: 2 }), context(provider));
    expect(reconciled).toMatchObject({ state: 'pending', attempts: 3 });
    expect(reconciled?.leaseOwner).toBeUndefined();
    expect(reconciled?.leaseUntil).toBeUndefined();
    const delay = reconciled!.nextCheckAt!.getTime() - Date.now();
    expect(delay).toBeGreaterThan(7_000);
    expect(delay).toBeLessThanOrEqual(8_000);
  });

  it('believes a failure reported in another currency, and hands over a pending one in another currency', async () => {
    const { provider } = scriptedProvider({
      lookup: async () => answer('failed', { amount: { amount: '1.00', currency: 'EUR' } }),
    });
    expect((await reconcileRefund(await claimed('unknown'), context(provider)))?.state).toBe('failed');
    await ledger.close();
    ledger = await createLedger({ sqlitePath: ':memory:' });
    const pending = scriptedProvider({
      lookup: async () => answer('pending', { amount: { amount: '1.00', currency: 'EUR' } }),
    });
    const handed = await reconcileRefund(await claimed('unknown'), context(pending.provider));
    expect(handed).toMatchObject({ state: 'needs_attention', providerStatus: 'pending' });
    expect(handed?.nextCheckAt).toBeUndefined();
  });

  it('says how long a refund has been pending when it hands it over', async () => {
    const { provider } = scriptedProvider({ lookup: async () => answer('pending') });
    const refund = await claimed('pending');
    await reconcileRefund(
      { ...refund, createdAt: new Date(Date.now() - 3 * 60_000) },
      {
        ...context(provider),
        accounts: new Map([[account, { provider, reconciliation: { maximumPendingMs: 2 * 60_000 } }]]),
      },
    );
    expect((await ledger.events('refund-1')).at(-1)).toMatchObject({
      type: 'needs_attention',
      data: { reason: 'still pending 3 minutes after it was created, beyond the 2-minute maximum' },
    });
  });

  it('keeps polling a refund younger than the maximum age', async () => {
    const { provider } = scriptedProvider({ lookup: async () => answer('pending') });
    const refund = await claimed('pending');
    const reconciled = await reconcileRefund(
      { ...refund, createdAt: new Date(Date.now() - 60_000) },
      {
        ...context(provider),
        accounts: new Map([[account, { provider, reconciliation: { maximumPendingMs: 2 * 60_000 } }]]),
      },
    );
    expect(reconciled?.state).toBe('pending');
  });
});

describe('nextCheck', () => {
  it('backs off exponentially from one second, capped at ten minutes', () => {
    const delay = (attempts: number) => nextCheck(attempts).getTime() - Date.now();
    expect(delay(0)).toBeGreaterThan(900);
    expect(delay(0)).toBeLessThanOrEqual(1_000);
    expect(delay(3)).toBeGreaterThan(7_900);
    expect(delay(3)).toBeLessThanOrEqual(8_000);
    expect(delay(9)).toBeLessThanOrEqual(512_000);
    expect(delay(9)).toBeGreaterThan(511_000);
    expect(delay(10)).toBeLessThanOrEqual(600_000);
    expect(delay(10)).toBeGreaterThan(599_000);
    expect(delay(40)).toBeLessThanOrEqual(600_000);
    expect(delay(40)).toBeGreaterThan(599_000);
  });
});
