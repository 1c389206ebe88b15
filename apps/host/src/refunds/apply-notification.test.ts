import type { RefundNotification } from '@refunds/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedger } from '../ledger/create-ledger';
import type { Ledger, LedgerTransaction } from '../ledger/ledger';
import { applyNotification } from './apply-notification';

let ledger: Ledger;

beforeEach(async () => {
  ledger = await createLedger({ sqlitePath: ':memory:' });
});
afterEach(async () => {
  await ledger.close();
});

const notification = (status: RefundNotification['status'], notificationId: string): RefundNotification => ({
  provider: 'memorypay',
  refundId: 'refund-1',
  orderId: 'order-1',
  status,
  notificationId,
  raw: {},
  acknowledgement: { status: 200, headers: {}, body: 'OK' },
});

/** The ledger, with its first refund transition failing as a lost database connection would. */
function failingFirstTransition(target: Ledger): Ledger {
  let failed = false;
  const failOnce =
    (scope: Pick<LedgerTransaction, 'transition'>): Ledger['transition'] =>
    async (refundId, change) => {
      if (!failed) {
        failed = true;
        throw new Error('the connection to the ledger was lost');
      }
      return scope.transition(refundId, change);
    };
  return {
    ...target,
    transition: failOnce(target),
    applyNotification: (account, notificationId, data, apply) =>
      target.applyNotification(account, notificationId, data, (scoped) =>
        apply({ ...scoped, transition: failOnce(scoped) }),
      ),
  };
}

async function sendingRefund() {
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
}

describe('applyNotification', () => {
  it('keeps a refund that a pending notification moved out of sending on the reconciler schedule', async () => {
    await sendingRefund();
    // The provider's "processing" notification overtakes its answer to the refund call: the caller's own
    // transition out of `sending` will now miss, so only this schedule makes anyone look at the refund again.
    const outcome = await applyNotification(ledger, 'memorypay:main', notification('pending', 'n-1'));
    expect(outcome).toMatchObject({ kind: 'applied', state: 'pending' });
    const refund = await ledger.getRefund('refund-1');
    expect(refund?.state).toBe('pending');
    expect(refund?.nextCheckAt).toBeInstanceOf(Date);
  });

  it('never lets a late pending undo a final state, and applies each notification once', async () => {
    await sendingRefund();
    expect(await applyNotification(ledger, 'memorypay:main', notification('succeeded', 'n-2'))).toMatchObject(
      {
        kind: 'applied',
        state: 'succeeded',
      },
    );
    expect(await applyNotification(ledger, 'memorypay:main', notification('succeeded', 'n-2'))).toEqual({
      kind: 'duplicate',
    });
    expect(await applyNotification(ledger, 'memorypay:main', notification('pending', 'n-3'))).toMatchObject({
      kind: 'ignored',
      state: 'succeeded',
    });
    expect((await ledger.getRefund('refund-1'))?.state).toBe('succeeded');
  });

  it('hands a refund to a person when the provider reports it settled in another currency', async () => {
    await sendingRefund();
    // The provider paid something other than what the ledger recorded: calling it succeeded would be a lie.
    const outcome = await applyNotification(ledger, 'memorypay:main', {
      ...notification('succeeded', 'n-5'),
      amount: { amount: '1.00', currency: 'EUR' },
    });
    expect(outcome).toMatchObject({ kind: 'applied', state: 'needs_attention' });
    const events = await ledger.events('refund-1');
    expect(events.at(-1)).toMatchObject({ type: 'needs_attention' });
    expect(JSON.stringify(events.at(-1)?.data)).toContain('EUR');
  });

  it('ignores a notification about a refund of another account', async () => {
    await sendingRefund();
    expect(await applyNotification(ledger, 'otherpay:main', notification('succeeded', 'n-4'))).toEqual({
      kind: 'unknown_refund',
    });
    expect((await ledger.getRefund('refund-1'))?.state).toBe('sending');
  });

  it('records nothing when applying fails, so the redelivery is applied and not a duplicate', async () => {
    await sendingRefund();
    const flaky = failingFirstTransition(ledger);
    await expect(
      applyNotification(flaky, 'memorypay:main', notification('succeeded', 'n-6')),
    ).rejects.toThrow(/connection/);
    expect(await ledger.getRefund('refund-1')).toMatchObject({ state: 'sending' });
    // The provider redelivers what it was not acknowledged for: it must change the refund, not be dropped.
    expect(await applyNotification(flaky, 'memorypay:main', notification('succeeded', 'n-6'))).toEqual({
      kind: 'applied',
      refundId: 'refund-1',
      state: 'succeeded',
    });
    expect((await ledger.getRefund('refund-1'))?.state).toBe('succeeded');
    expect(await applyNotification(ledger, 'memorypay:main', notification('succeeded', 'n-6'))).toEqual({
      kind: 'duplicate',
    });
  });

  it('never lets a late failed notification override a refund that succeeded', async () => {
    await sendingRefund();
    await applyNotification(ledger, 'memorypay:main', notification('succeeded', 'n-7'));
    // The money has left: recording it failed would invite the merchant to refund a second time.
    expect(await applyNotification(ledger, 'memorypay:main', notification('failed', 'n-8'))).toEqual({
      kind: 'ignored',
      refundId: 'refund-1',
      state: 'succeeded',
    });
    expect(await ledger.getRefund('refund-1')).toMatchObject({
      state: 'succeeded',
      providerStatus: 'succeeded',
    });
    const events = await ledger.events('refund-1');
    expect(events.at(-1)).toMatchObject({
      type: 'notification_ignored',
      data: { notificationId: 'n-8', status: 'failed' },
    });
  });

  it('never lets a late notification move a refund out of failed', async () => {
    await sendingRefund();
    await applyNotification(ledger, 'memorypay:main', notification('failed', 'n-9'));
    for (const [index, status] of (['succeeded', 'pending'] as const).entries()) {
      expect(
        await applyNotification(ledger, 'memorypay:main', notification(status, `n-10-${index}`)),
        status,
      ).toEqual({ kind: 'ignored', refundId: 'refund-1', state: 'failed' });
    }
    expect((await ledger.getRefund('refund-1'))?.state).toBe('failed');
  });

  it('passes over a notification that is not about a refund without recording it', async () => {
    await sendingRefund();
    const outcome = await applyNotification(ledger, 'memorypay:main', {
      kind: 'ignored',
      provider: 'memorypay',
      reason: 'payment notification',
      acknowledgement: { status: 200, headers: {}, body: 'success' },
    });
    expect(outcome).toEqual({ kind: 'ignored_notification', reason: 'payment notification' });
    expect((await ledger.getRefund('refund-1'))?.state).toBe('sending');
  });
});
