import type { RefundProviderV1, RefundResult } from '@refunds/core';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  return {
    specificationVersion: 'refunds-v1',
    provider: 'memorypay',
    capabilities: {
      partialRefund: true,
      multipleRefunds: true,
      statusQuery: true,
      notifications: false,
      nativeIdempotency: false,
    },
    refund: () => Promise.reject(new Error('reconciling never refunds here')),
    getRefund: async (lookup) => ({
      refundId: lookup.refundId,
      provider: 'memorypay',
      status: 'succeeded',
      amount: { amount: '1.00', currency: 'USD' },
      raw: {},
      ...result,
    }),
  };
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
    leaseUntil: new Date(Date.now() + 60_000),
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
