import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryPayProvider } from '../../test/support/memory-pay-provider';
import { createLedger } from '../ledger/create-ledger';
import type { Ledger } from '../ledger/ledger';
import { startReconciler } from './start-reconciler';

let ledger: Ledger;

beforeEach(async () => {
  ledger = await createLedger({ sqlitePath: ':memory:' });
});
afterEach(async () => {
  await ledger.close();
});

const provider = memoryPayProvider({
  getRefund: async (lookup) => ({
    refundId: lookup.refundId,
    provider: 'memorypay',
    status: 'succeeded',
    amount: { amount: '1.00', currency: 'USD' },
    raw: {},
  }),
});

/** A refund the provider accepted and the host must check on: pending, due now. */
async function pendingRefund(index: number): Promise<void> {
  const refundId = `refund-${index}`;
  const orderId = `order-${index}`;
  await ledger.createRefund({
    refundId,
    account: 'memorypay:main',
    provider: 'memorypay',
    orderId,
    amount: '1.00',
    currency: 'USD',
    requestHash: 'hash',
    request: { refundId, orderId, amount: { amount: '1.00', currency: 'USD' } },
    leaseOwner: 'host-a',
    leaseMs: 60_000,
  });
  await ledger.transition(refundId, {
    from: ['sending'],
    patch: { state: 'pending', nextCheckAt: new Date(Date.now() - 1), leaseOwner: null, leaseUntil: null },
    event: { type: 'provider_accepted', data: {} },
  });
}

describe('startReconciler', () => {
  it('goes on at once while passes find full batches: a backlog larger than a batch does not wait an interval per batch', async () => {
    for (let index = 0; index < 23; index += 1) await pendingRefund(index);
    const reconciler = startReconciler({
      ledger,
      accounts: new Map([['memorypay:main', { provider }]]),
      instanceId: 'host-a',
      logger: pino({ level: 'silent' }),
      leaseMs: 10_000,
      // An interval no test waits out: the backlog is settled before the first one ends, or never.
      intervalMs: 60_000,
      batchSize: 5,
    });
    try {
      await vi.waitFor(async () => expect((await ledger.countByState()).succeeded).toBe(23), {
        timeout: 4_000,
      });
      expect((await ledger.countByState()).pending).toBe(0);
    } finally {
      await reconciler.stop();
    }
  });
});
