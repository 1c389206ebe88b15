import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSandbox } from '@refunds/core';
import { signGatePayRequest } from '@refunds/gatepay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig } from '../../src/config/host-config';
import { type RunningPostgres, startPostgres } from '../support/start-postgres';
import {
  freePort,
  refundBody,
  type SandboxHost,
  startSandboxHost,
  waitFor,
} from '../support/start-sandbox-host';

// The edges of exactly once, each as it was reproduced against the sandboxes over loopback, on both ledgers.

const settleWindowMs = 400;

/** Every provider that honours refund ids, declared so, with a short settle window for the test. */
function honourRefundIds(config: HostConfig): HostConfig {
  for (const [id, account] of Object.entries(config.accounts)) {
    account.reconciliation = { settleWindowMs };
    if (id.startsWith('gatepay:') || id.startsWith('iotpay:')) {
      account.settings = { ...account.settings, nativeIdempotency: true };
    }
  }
  return config;
}

const ledgers: { name: string; databaseUrl: () => Promise<string | undefined> }[] = [
  { name: 'sqlite', databaseUrl: async () => undefined },
  { name: 'postgres', databaseUrl: async () => (await postgres()).createDatabase() },
];

let runningPostgres: RunningPostgres | undefined;
async function postgres(): Promise<RunningPostgres> {
  runningPostgres ??= await startPostgres();
  return runningPostgres;
}
afterAll(async () => {
  await runningPostgres?.stop();
});

let closedPort = 0;
beforeAll(async () => {
  // A port nothing listens on: connections to it are refused, so nothing can reach a provider there.
  closedPort = await freePort();
});

const stateOf = async (harness: SandboxHost, refundId: string) =>
  (await harness.call('GET', `/v1/refunds/${refundId}`)).body;
const eventsOf = async (harness: SandboxHost, refundId: string) =>
  (await harness.call('GET', `/v1/refunds/${refundId}/events`)).body.events as { type: string; data: any }[];

describe.each(ledgers)('exactly once at the edges ($name ledger)', ({ databaseUrl }) => {
  let harness: SandboxHost;
  let ledgerLocation: { databaseUrl?: string; sqlitePath?: string };

  beforeAll(async () => {
    const url = await databaseUrl();
    ledgerLocation = url
      ? { databaseUrl: url }
      : { sqlitePath: join(mkdtempSync(join(tmpdir(), 'refunds-edges-')), 'ledger.sqlite') };
    harness = await startSandboxHost({
      ...ledgerLocation,
      configure: honourRefundIds,
      reconcileIntervalMs: 100,
      // Refunds stay pending long enough that a notification never settles them before the lookups do.
      settleAfterMs: 4_000,
    });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  const sandbox = (account: string) => harness.sandboxes.get(account) as RunningSandbox;

  it.each(['gatepay:sandbox', 'bonuspay:sandbox', 'iotpay:sandbox'])(
    '%s: a refused resend after a lost answer and a lagging read is evidence, never failed',
    async (account) => {
      const order = await harness.freshOrder(account);
      // The refund commits, its answer is lost, and the provider's read side hides it for a while.
      sandbox(account).setReadLag(2_500);
      sandbox(account).injectFault({
        fault: { kind: 'reset-after-commit' },
        path: sandbox(account).refundPath,
        times: 1,
      });
      const lost = await harness.call('POST', '/v1/refunds', refundBody(account, order));
      sandbox(account).setReadLag(0);
      expect(lost.body.state).toBe('unknown');
      const settled = await waitFor(
        () => stateOf(harness, lost.body.refundId),
        (refund) => refund.state === 'succeeded' || refund.state === 'failed',
        20_000,
      );
      const states = (await eventsOf(harness, lost.body.refundId)).map((event) => event.type);
      expect(settled.state, states.join(' > ')).toBe('succeeded');
      // The path under test: the hidden refund was proven missing and sent again.
      expect(states, states.join(' > ')).toContain('resending');
      expect(harness.executed(account, order.orderId)).toHaveLength(1);
    },
    30_000,
  );

  it('coincorner: a lost answer that the provider cannot de-duplicate goes to a person, and blocks the order', async () => {
    const account = 'coincorner:sandbox';
    const order = await harness.freshOrder(account);
    sandbox(account).setReadLag(60_000);
    sandbox(account).injectFault({
      fault: { kind: 'reset-after-commit' },
      path: sandbox(account).refundPath,
      times: 1,
    });
    const lost = await harness.call('POST', '/v1/refunds', refundBody(account, order));
    const parked = await waitFor(
      () => stateOf(harness, lost.body.refundId),
      (refund) => refund.state === 'needs_attention',
      10_000,
    );
    sandbox(account).setReadLag(0);
    expect(parked.state).toBe('needs_attention');
    expect(harness.executed(account, order.orderId)).toHaveLength(1);
    // A second refund of the order must wait for a person: the first may have paid it.
    const second = await harness.call('POST', '/v1/refunds', refundBody(account, order));
    const refused = second.body.refund ?? second.body;
    expect(refused.state).toBe('failed');
    expect(refused.failure.message).toContain(lost.body.refundId);
    expect(harness.executed(account, order.orderId)).toHaveLength(1);
  }, 30_000);

  it.each([
    ['a 429', { kind: 'status', status: 429 } as const],
    ['an authentication refusal', { kind: 'status', status: 401 } as const],
  ])(
    'a refund refused with %s before processing can be sent again under its id',
    async (_name, fault) => {
      const account = 'gatepay:sandbox';
      const order = await harness.freshOrder(account);
      const request = refundBody(account, order);
      sandbox(account).injectFault({ fault, times: 1 });
      const refused = await harness.call('POST', '/v1/refunds', request);
      const refusedRefund = refused.body.refund ?? refused.body;
      expect(refusedRefund.state).toBe('failed');
      expect(refusedRefund.failure.retryableWithSameId).toBe(true);
      expect(harness.executed(account, order.orderId)).toHaveLength(0);

      const [again, twice] = await Promise.all([
        harness.call('POST', '/v1/refunds', request),
        harness.call('POST', '/v1/refunds', request),
      ]);
      expect([again.body.state, twice.body.state]).not.toContain('failed');
      expect(harness.executed(account, order.orderId)).toHaveLength(1);
      // A different body under the same id is still a conflict.
      const conflict = await harness.call('POST', '/v1/refunds', { ...request, reason: 'another refund' });
      expect(conflict.status).toBe(409);
    },
    20_000,
  );

  it('a refund whose connection was refused can be sent again under its id', async () => {
    const account = 'gatepay:sandbox';
    // The same ledger behind a host whose GatePay address refuses connections.
    const unreachable = await startSandboxHost({
      ...ledgerLocation,
      sandboxAccounts: harness.sandboxAccounts,
      configure: (config) => {
        const gatepay = config.accounts[account];
        if (gatepay) gatepay.settings = { ...gatepay.settings, baseUrl: `http://127.0.0.1:${closedPort}` };
        return honourRefundIds(config);
      },
    });
    try {
      const order = await harness.freshOrder(account);
      const request = refundBody(account, order);
      const refused = await unreachable.call('POST', '/v1/refunds', request);
      const refusedRefund = refused.body.refund ?? refused.body;
      expect(refusedRefund.state).toBe('failed');
      expect(refusedRefund.failure.retryableWithSameId).toBe(true);
      const sent = await harness.call('POST', '/v1/refunds', request);
      expect(sent.body.state).not.toBe('failed');
      expect(harness.executed(account, order.orderId)).toHaveLength(1);
    } finally {
      await unreachable.close();
    }
  }, 20_000);

  it('a host reconciles only the accounts it serves', async () => {
    const account = 'gatepay:sandbox';
    // A second host on the same ledger that does not serve GatePay: a canary, a rolling deploy, a sandbox host.
    const other = await startSandboxHost({
      ...ledgerLocation,
      sandboxAccounts: harness.sandboxAccounts,
      configure: (config) => {
        delete config.accounts[account];
        return honourRefundIds(config);
      },
      reconcileIntervalMs: 50,
    });
    try {
      const order = await harness.freshOrder(account);
      sandbox(account).injectFault({
        fault: { kind: 'reset-after-commit' },
        path: sandbox(account).refundPath,
        times: 1,
      });
      const lost = await harness.call('POST', '/v1/refunds', refundBody(account, order));
      expect(lost.body.state).toBe('unknown');
      const synced = await other.call('POST', `/v1/refunds/${lost.body.refundId}/sync`);
      expect(synced.status).toBe(409);
      const resolved = await waitFor(
        () => stateOf(harness, lost.body.refundId),
        (refund) => refund.state === 'pending' || refund.state === 'succeeded',
      );
      expect(resolved.state).not.toBe('needs_attention');
      const events = await eventsOf(harness, lost.body.refundId);
      expect(events.map((event) => event.type)).not.toContain('needs_attention');
    } finally {
      await other.close();
    }
  }, 20_000);

  it('gatepay: a verified notification about a payment is acknowledged as GatePay expects and ignored', async () => {
    const settings = sandbox('gatepay:sandbox').settings as { secretKey: string };
    const body = '{"bizType":"PAY","bizId":"1","bizStatus":"PAY_SUCCESS","clientId":"c","data":"{}"}';
    const timestamp = String(Date.now());
    const signature = await signGatePayRequest({
      secretKey: settings.secretKey,
      timestamp,
      nonce: 'n1',
      body,
    });
    const response = await fetch(`${harness.url}/v1/notifications/gatepay:sandbox`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-GatePay-Timestamp': timestamp,
        'X-GatePay-Nonce': 'n1',
        'X-GatePay-Signature': signature,
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"returnCode":"SUCCESS","returnMessage":""}');
  });

  it('two concurrent syncs make one lookup and return the same outcome', async () => {
    const account = 'gatepay:sandbox';
    const order = await harness.freshOrder(account);
    sandbox(account).injectFault({
      fault: { kind: 'reset-after-commit' },
      path: sandbox(account).refundPath,
      times: 1,
    });
    // The reconciler must not get there first: the refund is checked only when asked.
    const lost = await harness.call('POST', '/v1/refunds', refundBody(account, order));
    expect(lost.body.state).toBe('unknown');
    sandbox(account).injectFault({ fault: { kind: 'latency', ms: 300 }, times: 1 });
    const [first, second] = await Promise.all([
      harness.call('POST', `/v1/refunds/${lost.body.refundId}/sync`),
      harness.call('POST', `/v1/refunds/${lost.body.refundId}/sync`),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body.state).not.toBe('unknown');
    expect(second.body.state).toBe(first.body.state);
    // The refund is next due a second after its lost answer, so every lookup so far was a sync's.
    const lookups = (await eventsOf(harness, lost.body.refundId)).filter(
      (event) => event.type === 'status_checked',
    );
    expect(lookups, JSON.stringify(await eventsOf(harness, lost.body.refundId))).toHaveLength(1);
    expect(harness.executed(account, order.orderId)).toHaveLength(1);
  }, 20_000);
});
