import type { RefundNotification } from '@refunds/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedger } from '../ledger/create-ledger';
import type { Ledger, RefundState } from '../ledger/ledger';
import { applyNotification } from './apply-notification';

// Which states each notification moves a refund out of, what it records, and how a notification naming only
// the order finds its refund: the cases apply-notification.test.ts leaves to these.

let ledger: Ledger;

beforeEach(async () => {
  ledger = await createLedger({ sqlitePath: ':memory:' });
});
afterEach(async () => {
  await ledger.close();
});

const account = 'memorypay:main';

const notification = (
  status: RefundNotification['status'],
  notificationId: string,
  extra: Partial<RefundNotification> = {},
): RefundNotification => ({
  provider: 'memorypay',
  refundId: 'refund-1',
  orderId: 'order-1',
  status,
  notificationId,
  raw: { id: notificationId },
  acknowledgement: { status: 200, headers: {}, body: 'OK' },
  ...extra,
});

async function refundIn(state: RefundState, refundId = 'refund-1', patch: { nextCheckAt?: Date } = {}) {
  await ledger.createRefund({
    refundId,
    account,
    provider: 'memorypay',
    orderId: 'order-1',
    amount: '1.00',
    currency: 'USD',
    requestHash: 'hash',
    request: { refundId, orderId: 'order-1', amount: { amount: '1.00', currency: 'USD' } },
    leaseOwner: 'host-a',
    leaseMs: 60_000,
  });
  if (state !== 'sending' || patch.nextCheckAt) {
    await ledger.transition(refundId, {
      from: ['sending'],
      patch: { state, ...patch },
      event: { type: 'test', data: {} },
    });
  }
}

describe('applyNotification: which states a notification moves', () => {
  const cases: [RefundNotification['status'], RefundState, RefundState][] = [
    ['succeeded', 'sending', 'succeeded'],
    ['succeeded', 'unknown', 'succeeded'],
    ['succeeded', 'pending', 'succeeded'],
    ['succeeded', 'needs_attention', 'succeeded'],
    ['failed', 'sending', 'failed'],
    ['failed', 'unknown', 'failed'],
    ['failed', 'pending', 'failed'],
    ['failed', 'needs_attention', 'failed'],
    ['pending', 'sending', 'pending'],
    ['pending', 'unknown', 'pending'],
    // A person decides a refund handed to them; a "still processing" changes nothing they need to know.
    ['pending', 'needs_attention', 'needs_attention'],
    ['pending', 'pending', 'pending'],
    ['succeeded', 'failed', 'failed'],
    ['failed', 'succeeded', 'succeeded'],
    ['succeeded', 'succeeded', 'succeeded'],
  ];
  it.each(cases)('a %s notification moves a refund in %s to %s', async (status, from, to) => {
    await refundIn(from);
    const outcome = await applyNotification(ledger, account, notification(status, 'n-1'));
    expect(outcome.kind).toBe(to === from ? 'ignored' : 'applied');
    expect((await ledger.getRefund('refund-1'))?.state).toBe(to);
  });
});

describe('applyNotification: what it records', () => {
  it('records the status, the provider refund id and the notification as an event', async () => {
    await refundIn('unknown');
    expect(
      await applyNotification(ledger, account, notification('succeeded', 'n-1', { providerRefundId: 'p-9' })),
    ).toEqual({ kind: 'applied', refundId: 'refund-1', state: 'succeeded' });
    const refund = await ledger.getRefund('refund-1');
    expect(refund).toMatchObject({ providerStatus: 'succeeded', providerRefundId: 'p-9' });
    expect(refund?.nextCheckAt).toBeUndefined();
    expect((await ledger.events('refund-1')).at(-1)).toMatchObject({
      type: 'notification',
      data: { notificationId: 'n-1', status: 'succeeded', raw: { id: 'n-1' } },
    });
  });

  it('keeps a provider refund id already known when the notification has none', async () => {
    await refundIn('unknown');
    await ledger.transition('refund-1', {
      from: ['unknown'],
      patch: { providerRefundId: 'p-1' },
      event: { type: 'test', data: {} },
    });
    await applyNotification(ledger, account, notification('succeeded', 'n-1', { providerRefundId: '' }));
    expect((await ledger.getRefund('refund-1'))?.providerRefundId).toBe('p-1');
  });

  it('keeps the schedule a pending refund already had, and gives one two seconds out to a refund without', async () => {
    const scheduled = new Date(Date.now() + 60_000);
    await refundIn('unknown', 'refund-1', { nextCheckAt: scheduled });
    await applyNotification(ledger, account, notification('pending', 'n-1'));
    expect((await ledger.getRefund('refund-1'))?.nextCheckAt).toEqual(scheduled);

    await refundIn('sending', 'refund-2');
    const before = Date.now();
    await applyNotification(ledger, account, notification('pending', 'n-2', { refundId: 'refund-2' }));
    const next = (await ledger.getRefund('refund-2'))?.nextCheckAt?.getTime();
    expect(next).toBeGreaterThanOrEqual(before + 2_000);
    expect(next).toBeLessThanOrEqual(Date.now() + 2_000);
  });

  it('records why a notification was ignored', async () => {
    await refundIn('succeeded');
    await applyNotification(ledger, account, notification('failed', 'n-1'));
    expect((await ledger.events('refund-1')).at(-1)).toMatchObject({
      type: 'notification_ignored',
      data: { notificationId: 'n-1', status: 'failed', reason: 'the refund is already succeeded' },
    });
  });
});

describe('applyNotification: another currency', () => {
  it('hands a refund to a person with the notification as evidence, off the schedule', async () => {
    await refundIn('pending', 'refund-1', { nextCheckAt: new Date(Date.now() + 1_000) });
    const outcome = await applyNotification(
      ledger,
      account,
      notification('succeeded', 'n-1', { amount: { amount: '1.00', currency: 'EUR' } }),
    );
    expect(outcome).toEqual({ kind: 'applied', refundId: 'refund-1', state: 'needs_attention' });
    const refund = await ledger.getRefund('refund-1');
    expect(refund).toMatchObject({ state: 'needs_attention', providerStatus: 'succeeded' });
    expect(refund?.nextCheckAt).toBeUndefined();
    expect((await ledger.events('refund-1')).at(-1)).toMatchObject({
      type: 'needs_attention',
      data: { evidence: { notificationId: 'n-1', raw: { id: 'n-1' } } },
    });
  });

  it('believes a failure in any currency: nothing was paid', async () => {
    await refundIn('pending');
    await applyNotification(
      ledger,
      account,
      notification('failed', 'n-1', { amount: { amount: '1.00', currency: 'EUR' } }),
    );
    expect((await ledger.getRefund('refund-1'))?.state).toBe('failed');
  });

  it('takes the same currency for the refund asked', async () => {
    await refundIn('pending');
    await applyNotification(
      ledger,
      account,
      notification('succeeded', 'n-1', { amount: { amount: '1.00', currency: 'USD' } }),
    );
    expect((await ledger.getRefund('refund-1'))?.state).toBe('succeeded');
  });

  it('never moves a final refund to a person for another currency', async () => {
    await refundIn('succeeded');
    const outcome = await applyNotification(
      ledger,
      account,
      notification('succeeded', 'n-1', { amount: { amount: '1.00', currency: 'EUR' } }),
    );
    expect(outcome).toMatchObject({ kind: 'ignored', state: 'succeeded' });
    expect((await ledger.getRefund('refund-1'))?.state).toBe('succeeded');
  });
});

describe('applyNotification: a notification that names only the order', () => {
  it("applies to the order's refund still in progress", async () => {
    await refundIn('failed', 'refund-1');
    await refundIn('pending', 'refund-2');
    await refundIn('succeeded', 'refund-3');
    const outcome = await applyNotification(
      ledger,
      account,
      notification('succeeded', 'n-1', { refundId: undefined }),
    );
    expect(outcome).toEqual({ kind: 'applied', refundId: 'refund-2', state: 'succeeded' });
  });

  it('falls back to the latest refund of the order when none is in progress', async () => {
    await refundIn('failed', 'refund-1');
    const outcome = await applyNotification(
      ledger,
      account,
      notification('succeeded', 'n-1', { refundId: undefined }),
    );
    expect(outcome).toEqual({ kind: 'ignored', refundId: 'refund-1', state: 'failed' });
  });

  it('knows no refund for an order of another account, nor for a notification naming neither', async () => {
    await refundIn('pending');
    expect(
      await applyNotification(
        ledger,
        'otherpay:main',
        notification('succeeded', 'n-1', { refundId: undefined }),
      ),
    ).toEqual({ kind: 'unknown_refund' });
    expect(
      await applyNotification(
        ledger,
        account,
        notification('succeeded', 'n-2', { refundId: undefined, orderId: undefined }),
      ),
    ).toEqual({ kind: 'unknown_refund' });
    expect((await ledger.getRefund('refund-1'))?.state).toBe('pending');
  });
});
