import type { RefundNotification } from '@refunds/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedger } from '../ledger/create-ledger';
import type { Ledger } from '../ledger/ledger';
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
    leaseUntil: new Date(Date.now() + 60_000),
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
});
