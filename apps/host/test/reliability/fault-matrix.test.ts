import type { RefundCapabilities, RunningSandbox, SandboxFault } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NotificationSource, sandboxNotifications } from './sandbox-notifications';
import { attentionEvidence, type RefundEventView, type RefundView, settleRefund } from './settle-refund';
import { signsResponses } from './signs-responses';
import { type ReliabilityHost, refundBody, startReliabilityHost } from './start-reliability-host';

/**
 * Fault matrix: every installed provider x every fault a network or a provider can produce. Each cell proves
 * the same promise from the outside: the ledger ends in a resting state that matches what the provider's
 * simulator really did (one refund executed, or none), and nothing crashed or rejected unhandled.
 */

// A provider call times out after this; the latency cell answers later than that.
const providerTimeoutMs = 600;

let harness: ReliabilityHost;
let accounts: {
  account: string;
  provider: string;
  capabilities: RefundCapabilities;
  sandbox: RunningSandbox;
}[];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const report: { cell: string; account: string; outcome: string }[] = [];
let sequence = 0;
let faultsInjected = 0;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  harness = await startReliabilityHost({
    accountSettings: { timeoutMs: providerTimeoutMs },
    // The host aborts a provider call 5 s before its lease ends; leave room for the provider's own timeout.
    host: { leaseMs: 8_000 },
  });
  const listed = await harness.call('GET', '/v1/accounts');
  accounts = (
    listed.body as { accounts: { id: string; provider: string; capabilities: RefundCapabilities }[] }
  ).accounts.map(({ id, provider, capabilities }) => ({
    account: id,
    provider,
    capabilities,
    sandbox: harness.sandboxes.get(id) as RunningSandbox,
  }));
}, 60_000);

afterAll(async () => {
  await harness?.close();
  process.off('unhandledRejection', onUnhandled);
  const applied = report.filter((row) => !row.outcome.startsWith('n/a'));
  console.log(
    [
      `fault matrix: ${applied.length} cells run, ${report.length - applied.length} not applicable, ` +
        `${faultsInjected} transport faults injected (one per applicable transport cell and provider)`,
      ...report.map((row) => `  ${row.cell.padEnd(28)} ${row.account.padEnd(22)} ${row.outcome}`),
    ].join('\n'),
  );
});

type Account = (typeof accounts)[number];

interface TransportCell {
  name: string;
  fault: SandboxFault;
  /** Whether the provider executed the refund before the fault hit: then it must end executed exactly once. */
  committed: boolean;
  needsSignedResponses?: boolean;
}

const transportCells: TransportCell[] = [
  { name: 'reset before commit', fault: { kind: 'reset-before-commit' }, committed: false },
  { name: 'reset after commit', fault: { kind: 'reset-after-commit' }, committed: true },
  { name: '5xx', fault: { kind: 'status', status: 503, body: 'upstream unavailable' }, committed: false },
  { name: 'slower than the timeout', fault: { kind: 'latency', ms: providerTimeoutMs * 3 }, committed: true },
  { name: 'malformed body', fault: { kind: 'malformed-body' }, committed: true },
  {
    name: 'unsigned response',
    fault: { kind: 'unsigned-body' },
    committed: true,
    needsSignedResponses: true,
  },
  {
    name: 'tampered signature',
    fault: { kind: 'tampered-signature' },
    committed: true,
    needsSignedResponses: true,
  },
];

const refundId = (cell: string) =>
  `fm${cell.replace(/\W/g, '').slice(0, 10)}${Date.now().toString(36)}${sequence++}`;

async function submit(entry: Account, cell: string) {
  const order = await harness.freshOrder(entry.account);
  const id = refundId(cell);
  return { order, id, body: refundBody(entry.account, order, id) };
}

function executedFor(entry: Account, orderId: string) {
  return entry.sandbox.executedRefunds().filter((refund) => refund.orderId === orderId);
}

/** Runs one cell against every account at once; a failing account does not hide the others' results. */
async function forEveryAccount(cell: string, run: (entry: Account) => Promise<string>): Promise<void> {
  const results = await Promise.allSettled(accounts.map(run));
  const failures: string[] = [];
  results.forEach((result, index) => {
    const { account } = accounts[index] as Account;
    if (result.status === 'fulfilled') report.push({ cell, account, outcome: result.value });
    else {
      report.push({ cell, account, outcome: 'FAILED' });
      failures.push(`${account}: ${result.reason instanceof Error ? result.reason.stack : result.reason}`);
    }
  });
  expect(failures, failures.join('\n\n')).toEqual([]);
  expect((await harness.call('GET', '/healthz')).status, 'the host still answers').toBe(200);
  expect(unhandled, 'unhandled rejections').toEqual([]);
}

function summarize(refund: RefundView | undefined, events: readonly RefundEventView[], executed: number) {
  return `${refund?.state ?? 'absent'}, executed ${executed} (${events.map((event) => event.type).join(' > ')})`;
}

describe('fault matrix', () => {
  it('runs against at least two installed providers', () => {
    expect(accounts.length).toBeGreaterThanOrEqual(2);
  });

  for (const cell of transportCells) {
    it(`${cell.name}: ends resting, executed exactly once or not at all, matching the ledger`, async () => {
      await forEveryAccount(cell.name, async (entry) => {
        if (cell.needsSignedResponses && !(await signsResponses(entry.sandbox))) {
          return `n/a: ${entry.provider}'s API does not sign its responses`;
        }
        const { order, id, body } = await submit(entry, cell.name);
        entry.sandbox.injectFault({ fault: cell.fault, path: entry.sandbox.refundPath, times: 1 });
        faultsInjected++;
        const created = await harness.call('POST', '/v1/refunds', body);
        entry.sandbox.clearFaults();
        expect([200, 201, 202], JSON.stringify(created.body)).toContain(created.status);

        const { refund, events } = await settleRefund(harness.call, id);
        const executed = executedFor(entry, order.orderId);
        const summary = summarize(refund, events, executed.length);
        expect(executed.length, summary).toBeLessThanOrEqual(1);
        if (cell.committed || entry.capabilities.nativeIdempotency) {
          // The money moved (or may safely be resent): the host must find out and say so.
          expect(refund?.state, summary).toBe('succeeded');
          expect(executed, summary).toHaveLength(1);
          expect(executed[0]?.status, summary).toBe('succeeded');
          expect(executed[0]?.amount, summary).toBe(order.amount.amount);
        } else {
          // The provider never executed it and cannot de-duplicate a resend: nothing paid, and the ledger
          // either knows it failed or hands it to a person with the provider's word as evidence.
          expect(executed, summary).toHaveLength(0);
          expect(['failed', 'needs_attention'], summary).toContain(refund?.state);
          if (refund?.state === 'needs_attention') expect(attentionEvidence(events), summary).toBeTruthy();
        }
        return summary;
      });
    }, 60_000);
  }

  /** A refund sent through the host, settled by the provider and its final notification applied. */
  async function settledThroughHost(entry: Account, cell: string, source: NotificationSource) {
    if ('notApplicable' in source) return undefined;
    const { order, id, body } = await submit(entry, cell);
    const created = await harness.call('POST', '/v1/refunds', body);
    expect([200, 201], JSON.stringify(created.body)).toContain(created.status);
    await entry.sandbox.settleAll();
    const { refund, events } = await settleRefund(harness.call, id);
    expect(refund?.state, summarize(refund, events, executedFor(entry, order.orderId).length)).toBe(
      'succeeded',
    );
    return { order, id, build: source.build, events };
  }

  const deliver = (account: string, notification: { body: string | Uint8Array; headers: unknown }) =>
    fetch(`${harness.url}/v1/notifications/${encodeURIComponent(account)}`, {
      method: 'POST',
      headers: notification.headers as Record<string, string>,
      body: notification.body as BodyInit,
    });

  const notificationsOf = (entry: Account) =>
    sandboxNotifications(entry.provider, entry.sandbox, entry.capabilities);

  it('duplicate notification: acknowledged every time, applied once', async () => {
    await forEveryAccount('duplicate notification', async (entry) => {
      const source = notificationsOf(entry);
      const settled = await settledThroughHost(entry, 'duplicate', source);
      if (!settled || 'notApplicable' in source)
        return `n/a: ${(source as { notApplicable: string }).notApplicable}`;
      const notification = settled.build({ refundId: settled.id, orderId: settled.order.orderId }, 'latest');
      for (let delivery = 0; delivery < 2; delivery++) {
        const response = await deliver(entry.account, notification);
        expect(response.status, await response.text()).toBe(200);
      }
      const { refund, events } = await settleRefund(harness.call, settled.id);
      const executed = executedFor(entry, settled.order.orderId);
      const summary = summarize(refund, events, executed.length);
      expect(refund?.state, summary).toBe('succeeded');
      expect(executed, summary).toHaveLength(1);
      // The first delivery was the provider's own: both redeliveries are recognised and change nothing.
      expect(events.filter((event) => event.type === 'notification').length, summary).toBe(
        settled.events.filter((event) => event.type === 'notification').length,
      );
      expect(events.length, summary).toBe(settled.events.length);
      return summary;
    });
  }, 60_000);

  it('notifications out of order (final before pending): a late pending never undoes a final state', async () => {
    await forEveryAccount('out of order notification', async (entry) => {
      const source = notificationsOf(entry);
      const settled = await settledThroughHost(entry, 'outoforder', source);
      if (!settled || 'notApplicable' in source)
        return `n/a: ${(source as { notApplicable: string }).notApplicable}`;
      const late = settled.build({ refundId: settled.id, orderId: settled.order.orderId }, 'pending');
      const response = await deliver(entry.account, late);
      expect(response.status, await response.text()).toBe(200);
      const { refund, events } = await settleRefund(harness.call, settled.id);
      const executed = executedFor(entry, settled.order.orderId);
      const summary = summarize(refund, events, executed.length);
      expect(refund?.state, summary).toBe('succeeded');
      expect(executed, summary).toHaveLength(1);
      expect(events.filter((event) => event.type === 'notification').length, summary).toBe(
        settled.events.filter((event) => event.type === 'notification').length,
      );
      return entry.provider === 'coincorner'
        ? `${summary}; the webhook carries no status, CheckOrder reports the final one`
        : summary;
    });
  }, 60_000);

  it('notification for an unknown refund: acknowledged, recorded nowhere, nothing resent', async () => {
    await forEveryAccount('unknown refund notification', async (entry) => {
      const source = notificationsOf(entry);
      if ('notApplicable' in source) return `n/a: ${source.notApplicable}`;
      // Refunded straight through the provider, behind the host's back: the ledger has never heard of it.
      const order = await harness.freshOrder(entry.account);
      const id = refundId('unknown');
      const provider = harness.host.accounts.get(entry.account)?.provider;
      const body = refundBody(entry.account, order, id);
      const { account: _account, ...request } = body;
      await provider?.refund(request);
      await entry.sandbox.settleAll();
      const notification = source.build({ refundId: id, orderId: order.orderId }, 'latest');
      for (let delivery = 0; delivery < 2; delivery++) {
        const response = await deliver(entry.account, notification);
        expect(response.status, await response.text()).toBe(200);
      }
      expect((await harness.call('GET', `/v1/refunds/${id}`)).status).toBe(404);
      const listed = await harness.call('GET', `/v1/refunds?orderId=${encodeURIComponent(order.orderId)}`);
      expect((listed.body as { refunds: unknown[] }).refunds).toEqual([]);
      expect(executedFor(entry, order.orderId)).toHaveLength(1);
      return 'acknowledged, absent from the ledger, executed 1 (outside the host)';
    });
  }, 60_000);

  it('second refund of an order whose provider takes one: an order-level notification cannot credit it', async () => {
    await forEveryAccount('second refund of one-refund order', async (entry) => {
      if (entry.capabilities.multipleRefunds) return `n/a: ${entry.provider} takes several refunds per order`;
      const source = notificationsOf(entry);
      const first = await submit(entry, 'firstofone');
      expect((await harness.call('POST', '/v1/refunds', first.body)).status).toBe(201);
      // The second refund of the same order is slow to answer; meanwhile the provider's notification about
      // the order (about the first refund) arrives.
      const secondId = refundId('secondofone');
      entry.sandbox.injectFault({
        fault: { kind: 'latency', ms: 400 },
        path: entry.sandbox.refundPath,
        times: 1,
      });
      faultsInjected++;
      const second = harness.call('POST', '/v1/refunds', refundBody(entry.account, first.order, secondId));
      await new Promise((resolve) => setTimeout(resolve, 150));
      if (!('notApplicable' in source)) {
        await deliver(
          entry.account,
          source.build({ refundId: first.id, orderId: first.order.orderId }, 'latest'),
        );
      }
      const answered = await second;
      entry.sandbox.clearFaults();
      expect([200, 201, 409, 422], JSON.stringify(answered.body)).toContain(answered.status);
      await entry.sandbox.settleAll();
      const firstSettled = await settleRefund(harness.call, first.id);
      const secondSettled = await settleRefund(harness.call, secondId);
      const executed = executedFor(entry, first.order.orderId);
      const summary = `${summarize(firstSettled.refund, firstSettled.events, executed.length)}; second ${summarize(secondSettled.refund, secondSettled.events, executed.length)}`;
      expect(executed, summary).toHaveLength(1);
      expect(firstSettled.refund?.state, summary).toBe('succeeded');
      // Whatever the second one is, the ledger must not count a refund the provider never executed.
      expect(['failed', undefined], summary).toContain(secondSettled.refund?.state);
      return summary;
    });
  }, 60_000);
});
