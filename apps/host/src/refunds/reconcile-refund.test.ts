import { type CallOptions, RefundError, type RefundProviderV1, type RefundResult } from '@refunds/core';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryPayProvider } from '../../test/support/memory-pay-provider';
import { createLedger } from '../ledger/create-ledger';
import type { Ledger } from '../ledger/ledger';
import { reconcileRefund } from './reconcile-refund';

let ledger: Ledger;

beforeEach(async () => {
  ledger = await createLedger({ sqlitePath: ':memory:' });
});
afterEach(async () => {
  await ledger.close();
});

function providerAnswering(result: Partial<RefundResult>): RefundProviderV1 {
  return memoryPayProvider({
    refund: () => Promise.reject(new Error('reconciling never refunds here')),
    getRefund: async (lookup) => ({
      refundId: lookup.refundId,
      provider: 'memorypay',
      status: 'succeeded',
      amount: { amount: '1.00', currency: 'USD' },
      raw: {},
      ...result,
    }),
  });
}

async function claimedUnknownRefund() {
  await ledger.createRefund({
    refundId: 'refund-1',
    account: 'memorypay:main',
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
    patch: { state: 'unknown' },
    event: { type: 'provider_failed', data: {} },
  });
}

const context = (provider: RefundProviderV1) => ({
  ledger,
  accounts: new Map([['memorypay:main', { provider }]]),
  instanceId: 'host-a',
  logger: pino({ level: 'silent' }),
  leaseMs: 10_000,
});

describe('reconcileRefund', () => {
  it('records what the provider reports when it is the refund the ledger asked for', async () => {
    const refund = await claimedUnknownRefund();
    const reconciled = await reconcileRefund(refund!, context(providerAnswering({})));
    expect(reconciled?.state).toBe('succeeded');
  });

  it('hands the refund to a person when the provider executed it in another currency', async () => {
    const refund = await claimedUnknownRefund();
    const reconciled = await reconcileRefund(
      refund!,
      context(providerAnswering({ amount: { amount: '1.00', currency: 'USDT' } })),
    );
    expect(reconciled?.state).toBe('needs_attention');
    const events = await ledger.events('refund-1');
    expect(events.at(-1)).toMatchObject({ type: 'needs_attention' });
    expect(JSON.stringify(events.at(-1)?.data)).toContain('USDT');
  });
});

const notFound = () =>
  new RefundError({
    code: 'not_found',
    outcome: 'rejected',
    provider: 'memorypay',
    message: 'no such refund',
  });

/** A provider whose status queries answer from a script, and which records every refund call it gets. */
function scriptedProvider(options: {
  nativeIdempotency: boolean;
  lookups: (() => Promise<RefundResult>)[];
  refund?: (options: CallOptions | undefined) => Promise<RefundResult>;
}) {
  const refundCalls: (CallOptions | undefined)[] = [];
  const provider = memoryPayProvider({
    capabilities: { nativeIdempotency: options.nativeIdempotency },
    refund: (_request, callOptions) => {
      refundCalls.push(callOptions);
      return options.refund ? options.refund(callOptions) : Promise.resolve(answer('pending'));
    },
    getRefund: () => {
      const next = options.lookups.shift();
      if (!next) throw new Error('the test gave no answer for this lookup');
      return next();
    },
  });
  return { provider, refundCalls };
}

function answer(status: RefundResult['status']): RefundResult {
  return {
    refundId: 'refund-1',
    provider: 'memorypay',
    status,
    amount: { amount: '1.00', currency: 'USD' },
    raw: {},
  };
}

const settleWindowMs = 60_000;

function timedContext(
  provider: RefundProviderV1,
  extra: { maxCheckFailures?: number; maximumPendingMs?: number } = {},
) {
  return {
    ...context(provider),
    accounts: new Map([
      [
        'memorypay:main',
        { provider, reconciliation: { settleWindowMs, maximumPendingMs: extra.maximumPendingMs } },
      ],
    ]),
    maxCheckFailures: extra.maxCheckFailures,
  };
}

/** Moves the refund's clocks into the past, as if time had passed, and claims it for host-a again. */
async function age(patch: { notFoundAt?: Date; sentAt?: Date }) {
  const refund = await ledger.getRefund('refund-1');
  return ledger.transition('refund-1', {
    from: [refund!.state],
    patch: { ...patch, leaseOwner: 'host-a', leaseUntil: new Date(Date.now() + 60_000) },
    event: { type: 'test_clock', data: {} },
  });
}

describe('reconcileRefund: not found is evidence only after the settle window, twice', () => {
  it('notes a first "not found" and does not resend', async () => {
    const { provider, refundCalls } = scriptedProvider({
      nativeIdempotency: true,
      lookups: [async () => Promise.reject(notFound())],
    });
    const reconciled = await reconcileRefund((await claimedUnknownRefund())!, timedContext(provider));
    expect(reconciled?.state).toBe('unknown');
    expect(reconciled?.notFoundAt).toBeInstanceOf(Date);
    expect(reconciled?.nextCheckAt?.getTime()).toBeGreaterThanOrEqual(Date.now() + settleWindowMs - 1_000);
    expect(refundCalls).toEqual([]);
  });

  it('does not resend on a second "not found" that comes sooner than the window after the first', async () => {
    const { provider, refundCalls } = scriptedProvider({
      nativeIdempotency: true,
      lookups: [async () => Promise.reject(notFound())],
    });
    await claimedUnknownRefund();
    const refund = await age({
      notFoundAt: new Date(Date.now() - settleWindowMs / 2),
      sentAt: new Date(Date.now() - 10 * settleWindowMs),
    });
    const reconciled = await reconcileRefund(refund!, timedContext(provider));
    expect(reconciled?.state).toBe('unknown');
    expect(refundCalls).toEqual([]);
  });

  it('resends, marked as a resend, once two answers a window apart show no refund', async () => {
    const { provider, refundCalls } = scriptedProvider({
      nativeIdempotency: true,
      lookups: [async () => Promise.reject(notFound())],
    });
    await claimedUnknownRefund();
    const refund = await age({
      notFoundAt: new Date(Date.now() - settleWindowMs),
      sentAt: new Date(Date.now() - 2 * settleWindowMs),
    });
    const reconciled = await reconcileRefund(refund!, timedContext(provider));
    expect(refundCalls).toEqual([expect.objectContaining({ resend: true })]);
    expect(reconciled?.state).toBe('pending');
    expect(reconciled?.resends).toBe(1);
    const types = (await ledger.events('refund-1')).map((event) => event.type);
    expect(types.slice(-2)).toEqual(['resending', 'provider_accepted']);
  });

  it('hands the refund to a person instead of resending when the provider cannot de-duplicate', async () => {
    const { provider, refundCalls } = scriptedProvider({
      nativeIdempotency: false,
      lookups: [async () => Promise.reject(notFound())],
    });
    await claimedUnknownRefund();
    const refund = await age({
      notFoundAt: new Date(Date.now() - settleWindowMs),
      sentAt: new Date(Date.now() - 2 * settleWindowMs),
    });
    const reconciled = await reconcileRefund(refund!, timedContext(provider));
    expect(reconciled?.state).toBe('needs_attention');
    expect(refundCalls).toEqual([]);
  });

  it('never resends a refund the provider once accepted', async () => {
    const { provider, refundCalls } = scriptedProvider({
      nativeIdempotency: true,
      lookups: [async () => Promise.reject(notFound())],
    });
    await claimedUnknownRefund();
    await ledger.transition('refund-1', {
      from: ['unknown'],
      patch: { state: 'pending', providerRefundId: 'p-1' },
      event: { type: 'provider_accepted', data: {} },
    });
    const refund = await age({
      notFoundAt: new Date(Date.now() - settleWindowMs),
      sentAt: new Date(Date.now() - 2 * settleWindowMs),
    });
    const reconciled = await reconcileRefund(refund!, timedContext(provider));
    expect(reconciled?.state).toBe('needs_attention');
    expect(refundCalls).toEqual([]);
  });

  it('keeps a refused resend unknown, never failed: the first attempt may have executed', async () => {
    const refusal = new RefundError({
      code: 'duplicate',
      outcome: 'rejected',
      provider: 'memorypay',
      message: 'refund id already used',
    });
    const { provider } = scriptedProvider({
      nativeIdempotency: true,
      lookups: [async () => Promise.reject(notFound())],
      refund: () => Promise.reject(refusal),
    });
    await claimedUnknownRefund();
    const refund = await age({
      notFoundAt: new Date(Date.now() - settleWindowMs),
      sentAt: new Date(Date.now() - 2 * settleWindowMs),
    });
    const reconciled = await reconcileRefund(refund!, timedContext(provider));
    expect(reconciled?.state).toBe('unknown');
    expect(reconciled?.nextCheckAt).toBeInstanceOf(Date);
  });

  it('stops resending after the allowed resends and hands the refund to a person', async () => {
    const { provider, refundCalls } = scriptedProvider({
      nativeIdempotency: true,
      lookups: [async () => Promise.reject(notFound())],
    });
    await claimedUnknownRefund();
    await ledger.transition('refund-1', {
      from: ['unknown'],
      patch: { resends: 2 },
      event: { type: 'test', data: {} },
    });
    const refund = await age({
      notFoundAt: new Date(Date.now() - settleWindowMs),
      sentAt: new Date(Date.now() - 2 * settleWindowMs),
    });
    const reconciled = await reconcileRefund(refund!, timedContext(provider));
    expect(reconciled?.state).toBe('needs_attention');
    expect(refundCalls).toEqual([]);
  });

  it('forgets an earlier "not found" once the provider shows the refund', async () => {
    const { provider } = scriptedProvider({
      nativeIdempotency: true,
      lookups: [async () => answer('pending')],
    });
    await claimedUnknownRefund();
    const refund = await age({ notFoundAt: new Date(Date.now() - settleWindowMs) });
    const reconciled = await reconcileRefund(refund!, timedContext(provider));
    expect(reconciled?.state).toBe('pending');
    expect(reconciled?.notFoundAt).toBeUndefined();
  });
});

describe('reconcileRefund: pending is not a failure count', () => {
  it('keeps polling a pending refund however often it is still pending', async () => {
    const lookups = Array.from({ length: 30 }, () => async () => answer('pending'));
    const { provider } = scriptedProvider({ nativeIdempotency: true, lookups });
    let refund = await claimedUnknownRefund();
    for (let check = 0; check < 30; check++) {
      refund = await reconcileRefund(refund!, timedContext(provider, { maxCheckFailures: 3 }));
      expect(refund?.state).toBe('pending');
      refund = await age({});
    }
    expect(refund?.checkFailures).toBe(0);
    expect(refund?.attempts).toBe(30);
    expect(refund!.nextCheckAt!.getTime() - Date.now()).toBeLessThanOrEqual(600_000);
  });

  it('hands the refund to a person after the allowed failed checks in a row, not before', async () => {
    const failing = async () =>
      Promise.reject(
        new RefundError({ code: 'network', outcome: 'unknown', provider: 'memorypay', message: 'reset' }),
      );
    const { provider } = scriptedProvider({ nativeIdempotency: true, lookups: [failing, failing, failing] });
    let refund = await claimedUnknownRefund();
    refund = await reconcileRefund(refund!, timedContext(provider, { maxCheckFailures: 3 }));
    expect(refund).toMatchObject({ state: 'unknown', checkFailures: 1 });
    refund = await reconcileRefund((await age({}))!, timedContext(provider, { maxCheckFailures: 3 }));
    expect(refund).toMatchObject({ state: 'unknown', checkFailures: 2 });
    refund = await reconcileRefund((await age({}))!, timedContext(provider, { maxCheckFailures: 3 }));
    expect(refund).toMatchObject({ state: 'needs_attention', checkFailures: 3 });
    expect(refund?.nextCheckAt).toBeUndefined();
  });

  it('resets the failure count when the provider answers again', async () => {
    const failing = async () =>
      Promise.reject(
        new RefundError({ code: 'network', outcome: 'unknown', provider: 'memorypay', message: 'reset' }),
      );
    const { provider } = scriptedProvider({
      nativeIdempotency: true,
      lookups: [failing, async () => answer('pending'), failing],
    });
    let refund = await reconcileRefund(
      (await claimedUnknownRefund())!,
      timedContext(provider, { maxCheckFailures: 2 }),
    );
    refund = await reconcileRefund((await age({}))!, timedContext(provider, { maxCheckFailures: 2 }));
    refund = await reconcileRefund((await age({}))!, timedContext(provider, { maxCheckFailures: 2 }));
    expect(refund).toMatchObject({ state: 'pending', checkFailures: 1 });
  });

  it('hands a refund pending beyond the maximum age to a person with the evidence', async () => {
    const { provider } = scriptedProvider({
      nativeIdempotency: true,
      lookups: [async () => answer('pending')],
    });
    const refund = await claimedUnknownRefund();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reconciled = await reconcileRefund(refund!, timedContext(provider, { maximumPendingMs: 1 }));
    expect(reconciled?.state).toBe('needs_attention');
    const last = (await ledger.events('refund-1')).at(-1);
    expect(last?.type).toBe('needs_attention');
    expect(JSON.stringify(last?.data)).toContain('still pending');
  });
});
