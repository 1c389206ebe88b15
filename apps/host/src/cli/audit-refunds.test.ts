import { fromMinorUnits, RefundError, type RefundProviderV1, toMinorUnits } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleRefund } from '../../test/reliability/settle-refund';
import {
  type ReliabilityHost,
  refundBody,
  startReliabilityHost,
} from '../../test/reliability/start-reliability-host';
import { loadAccounts } from '../plugins/load-accounts';
import { auditNeedsLook, auditRefunds, openUnasked } from './audit-refunds';

let harness: ReliabilityHost;
let sequence = 0;

beforeAll(async () => {
  harness = await startReliabilityHost();
}, 60_000);
afterAll(async () => {
  await harness?.close();
});

const audit = (options: Partial<Parameters<typeof auditRefunds>[0]> = {}) =>
  auditRefunds({ ledger: harness.host.ledger, accounts: harness.host.accounts, ...options });

async function refundThroughHost(account: string): Promise<string> {
  const refundId = `audit${Date.now().toString(36)}${sequence++}`;
  const order = await harness.freshOrder(account);
  const created = await harness.call('POST', '/v1/refunds', refundBody(account, order, refundId));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await harness.sandboxes.get(account)?.settleAll();
  const { refund } = await settleRefund(harness.call, refundId);
  expect(refund?.state).toBe('succeeded');
  return refundId;
}

describe('auditRefunds', () => {
  it('finds no difference when the ledger and every provider agree', async () => {
    for (const account of harness.sandboxes.keys()) await refundThroughHost(account);
    const report = await audit();
    expect(report.differences).toEqual([]);
    expect(report.audited).toBe(harness.sandboxes.size);
    expect(report.matched).toBe(report.audited);
  }, 60_000);

  it('reports a refund the ledger calls failed that the provider paid, and one it paid that never happened', async () => {
    const [account] = [...harness.sandboxes.keys()] as [string];
    const paid = await refundThroughHost(account);
    // What a bug or a hand-edited database would leave behind.
    await harness.host.ledger.transition(paid, {
      from: ['succeeded'],
      patch: { state: 'failed' },
      event: { type: 'test_corruption', data: {} },
    });
    const order = await harness.freshOrder(account);
    const phantom = `phantom${sequence++}`;
    await harness.host.ledger.createRefund({
      refundId: phantom,
      account,
      provider: account.split(':')[0] as string,
      orderId: order.orderId,
      amount: order.amount.amount,
      currency: order.amount.currency,
      requestHash: 'x',
      request: { refundId: phantom, orderId: order.orderId, amount: order.amount },
      leaseOwner: 'nobody',
      // A live lease keeps the reconciler away until the corruption is complete.
      leaseMs: 60_000,
    });
    await harness.host.ledger.transition(phantom, {
      from: ['sending'],
      patch: { state: 'succeeded', leaseOwner: null, leaseUntil: null },
      event: { type: 'test_corruption', data: {} },
    });

    const report = await audit({ account });
    expect(
      report.differences.map(({ refundId, ledger, provider }) => ({ refundId, ledger, provider })),
    ).toEqual(
      expect.arrayContaining([
        { refundId: paid, ledger: 'failed', provider: 'succeeded' },
        { refundId: phantom, ledger: 'succeeded', provider: 'absent' },
      ]),
    );
    expect(report.differences).toHaveLength(2);
    const windowed = await audit({ account, since: new Date(Date.now() + 60_000) });
    expect(windowed.audited).toBe(0);
  }, 60_000);

  it('compares a partial refund without refund records by status and currency, as another process sees it', async () => {
    // The audit runs in its own process: providers that remember their own refunds (CoinCorner keeps the
    // amount it sent in memory) know nothing there.
    const fresh = await loadAccounts(harness.config, { environment: harness.environment });
    for (const [account, { provider }] of fresh) {
      if (provider.capabilities.multipleRefunds || !provider.capabilities.partialRefund) continue;
      const order = await harness.freshOrder(account);
      const half = fromMinorUnits(toMinorUnits(order.amount.amount, 2) / 2n, 2);
      const refundId = `partial${sequence++}`;
      const body = { ...refundBody(account, order, refundId), amount: { ...order.amount, amount: half } };
      expect((await harness.call('POST', '/v1/refunds', body)).status).toBe(201);
      await harness.sandboxes.get(account)?.settleAll();
      expect((await settleRefund(harness.call, refundId)).refund?.state).toBe('succeeded');
      const report = await auditRefunds({ ledger: harness.host.ledger, accounts: fresh, account });
      expect(report.differences.filter((entry) => entry.refundId === refundId)).toEqual([]);
      expect(report.matched).toBeGreaterThan(0);
    }
  }, 60_000);
  it('needs a look when a provider could not be asked about an open refund, and not when it answered', async () => {
    const [account] = [...harness.sandboxes.keys()] as [string];
    const order = await harness.freshOrder(account);
    const refundId = `open${sequence++}`;
    // Only this refund: the earlier tests' refunds of the account would be differences to a provider that is down.
    const since = new Date(Date.now() - 1);
    // A refund still being sent: a live lease keeps the reconciler away while the audit looks at it.
    await harness.host.ledger.createRefund({
      refundId,
      account,
      provider: account.split(':')[0] as string,
      orderId: order.orderId,
      amount: order.amount.amount,
      currency: order.amount.currency,
      requestHash: 'x',
      request: { refundId, orderId: order.orderId, amount: order.amount },
      leaseOwner: 'nobody',
      leaseMs: 60_000,
    });
    const provider = harness.host.accounts.get(account)?.provider as RefundProviderV1;
    // The provider as seen while it is down: every lookup fails before an answer.
    const down: RefundProviderV1 = {
      ...provider,
      getRefund: async () => {
        throw new RefundError({
          code: 'provider_unavailable',
          outcome: 'not_sent',
          provider: provider.provider,
          message: 'connect ECONNREFUSED 127.0.0.1:9',
        });
      },
    };

    const unasked = await audit({ account, since, accounts: new Map([[account, { provider: down }]]) });
    expect(unasked.differences).toEqual([]);
    expect(openUnasked(unasked).map((entry) => entry.refundId)).toEqual([refundId]);
    expect(openUnasked(unasked)[0]?.problem).toMatch(/could not be asked: .*ECONNREFUSED/);
    expect(auditNeedsLook(unasked)).toBe(true);

    const unconfigured = await audit({ account, since, accounts: new Map() });
    expect(openUnasked(unconfigured).map((entry) => entry.refundId)).toContain(refundId);
    expect(auditNeedsLook(unconfigured)).toBe(true);

    // The provider answers (it has no such refund yet): open, owned by the reconciler, nothing to page about.
    const answered = await audit({ account, since });
    const entry = answered.open.find((open) => open.refundId === refundId);
    expect(entry?.provider).not.toBe('unreachable');
    expect(openUnasked(answered)).toEqual([]);
    expect(auditNeedsLook(answered)).toBe(false);
  }, 60_000);
});
