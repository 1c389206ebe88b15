import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RefundRequest } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../../test/support/start-postgres';
import {
  refundBody,
  type SandboxHost,
  startSandboxHost,
  testApiKey,
} from '../../test/support/start-sandbox-host';
import type { RefundRecord, RefundState } from '../ledger/ledger';
import { hashRefundRequest } from '../refunds/hash-refund-request';
import type { NamedApiKey } from './api-keys';

// Operators over real HTTP on loopback, against the sandboxes, on both ledgers: roles, resolve, resend, the
// lists and counts people read, and the public API docs.

const service: NamedApiKey = { name: 'shop', role: 'service', secret: 'sk_test_service_shop_7c41d09e2b' };
const viewer: NamedApiKey = { name: 'audit', role: 'viewer', secret: 'sk_test_viewer_audit_5a8e13f6c0' };
const operator: NamedApiKey = {
  name: 'ops-alice',
  role: 'operator',
  secret: 'sk_test_operator_alice_93b2e7',
};

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

const as = (key: NamedApiKey) => ({ authorization: `Bearer ${key.secret}` });

describe.each(ledgers)('operators over HTTP ($name ledger)', ({ databaseUrl }) => {
  let harness: SandboxHost;

  beforeAll(async () => {
    const url = await databaseUrl();
    harness = await startSandboxHost({
      ...(url
        ? { databaseUrl: url }
        : { sqlitePath: join(mkdtempSync(join(tmpdir(), 'refunds-operators-')), 'ledger.sqlite') }),
      apiKeys: [testApiKey, service, viewer, operator],
      // No notification settles a refund while a test holds it in needs_attention.
      settleAfterMs: 60_000,
      configure: (config) => {
        for (const account of Object.values(config.accounts))
          account.reconciliation = { settleWindowMs: 400 };
        return config;
      },
    });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  const call = (key: NamedApiKey, method: string, path: string, body?: unknown) =>
    harness.call(method, path, body, as(key));
  const eventsOf = async (refundId: string) =>
    (await call(viewer, 'GET', `/v1/refunds/${refundId}/events`)).body.events as {
      type: string;
      data: Record<string, unknown>;
    }[];

  /** Hands a refund to a person directly in the ledger, as the reconciler would with evidence it cannot settle. */
  const park = async (refundId: string): Promise<RefundRecord> => {
    const parked = await harness.host.ledger.transition(refundId, {
      from: ['sending', 'pending', 'unknown', 'succeeded', 'failed'],
      patch: { state: 'needs_attention', nextCheckAt: null, leaseOwner: null, leaseUntil: null },
      event: { type: 'needs_attention', data: { reason: 'parked by the test' } },
    });
    expect(parked?.state).toBe('needs_attention');
    return parked as RefundRecord;
  };

  const createAs = async (key: NamedApiKey, account = 'gatepay:sandbox', amount?: string) => {
    const order = await harness.freshOrder(account);
    const created = await call(key, 'POST', '/v1/refunds', refundBody(account, order, amount));
    return { order, created };
  };

  /** A refund the ledger holds in needs_attention that the provider never received. */
  const neverSent = async (account: string) => {
    const order = await harness.freshOrder(account);
    const { account: _account, ...request } = refundBody(account, order);
    await harness.host.ledger.createRefund({
      refundId: request.refundId,
      account,
      provider: account.split(':')[0] as string,
      orderId: order.orderId,
      amount: request.amount.amount,
      currency: request.amount.currency,
      requestHash: hashRefundRequest(account, request as RefundRequest),
      request: request as RefundRequest,
      leaseOwner: 'test',
      leaseMs: 60_000,
    });
    await park(request.refundId);
    return { order, refundId: request.refundId };
  };

  describe('roles', () => {
    it('answers 401 without a key or with a wrong one', async () => {
      for (const authorization of [undefined, 'Bearer sk_test_wrong_key_0123456789abc', 'Basic x']) {
        const response = await fetch(`${harness.url}/v1/refunds`, {
          headers: authorization ? { authorization } : {},
        });
        expect(response.status, authorization).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
      const resolve = await fetch(`${harness.url}/v1/refunds/any/resolve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'failed', reason: 'x' }),
      });
      expect(resolve.status).toBe(401);
    });

    it('lets a viewer read but not create, sync, resolve nor resend: 403 naming the role needed', async () => {
      const { created } = await createAs(service);
      expect(created.status).toBe(201);
      const refundId = created.body.refundId as string;
      expect((await call(viewer, 'GET', `/v1/refunds/${refundId}`)).status).toBe(200);
      expect((await call(viewer, 'GET', '/v1/refunds')).status).toBe(200);
      expect((await call(viewer, 'GET', '/v1/counts')).status).toBe(200);

      const order = await harness.freshOrder('gatepay:sandbox');
      const create = await call(viewer, 'POST', '/v1/refunds', refundBody('gatepay:sandbox', order));
      expect(create.status).toBe(403);
      expect(create.body.error.code).toBe('forbidden');
      expect(create.body.error.message).toBe(
        'API key audit has role viewer; create needs role service or operator.',
      );
      expect(harness.executed('gatepay:sandbox', order.orderId)).toHaveLength(0);
      expect((await call(viewer, 'POST', `/v1/refunds/${refundId}/sync`)).status).toBe(403);
      const resolve = await call(viewer, 'POST', `/v1/refunds/${refundId}/resolve`, {
        state: 'failed',
        reason: 'viewer tries',
      });
      expect(resolve.status).toBe(403);
      expect(resolve.body.error.message).toBe('API key audit has role viewer; resolve needs role operator.');
      expect((await call(viewer, 'POST', `/v1/refunds/${refundId}/resend`, { reason: 'x' })).status).toBe(
        403,
      );
    });

    it('lets a service create and sync but not resolve nor resend; an operator does everything', async () => {
      const { created } = await createAs(service);
      const refundId = created.body.refundId as string;
      await park(refundId);
      const resolve = await call(service, 'POST', `/v1/refunds/${refundId}/resolve`, {
        state: 'succeeded',
        reason: 'service tries',
      });
      expect(resolve.status).toBe(403);
      expect(resolve.body.error.message).toBe('API key shop has role service; resolve needs role operator.');
      expect((await call(service, 'POST', `/v1/refunds/${refundId}/resend`, { reason: 'x' })).status).toBe(
        403,
      );
      // Refused before anything was written.
      expect((await eventsOf(refundId)).at(-1)?.type).toBe('needs_attention');

      const byOperator = await createAs(operator);
      expect(byOperator.created.status).toBe(201);
      const resolved = await call(operator, 'POST', `/v1/refunds/${refundId}/resolve`, {
        state: 'succeeded',
        reason: 'seen in the GatePay dashboard',
      });
      expect(resolved.status).toBe(200);
    });

    it("keeps a REFUNDS_API_KEYS-style key's meaning: every role, named key-1", async () => {
      const { order, created } = await createAs({ name: 'key-1', role: 'operator', secret: testApiKey });
      expect(created.status).toBe(201);
      expect((await eventsOf(created.body.refundId))[0]?.data.actor).toBe('key-1');
      await park(created.body.refundId);
      const resolved = await harness.call('POST', `/v1/refunds/${created.body.refundId}/resolve`, {
        state: 'succeeded',
        reason: 'checked',
      });
      expect(resolved.status).toBe(200);
      expect(harness.executed('gatepay:sandbox', order.orderId)).toHaveLength(1);
    });
  });

  describe('actor', () => {
    it("records the key's name on create and on every event a sync writes", async () => {
      const { created } = await createAs(service);
      const refundId = created.body.refundId as string;
      expect((await eventsOf(refundId))[0]).toMatchObject({ type: 'created', data: { actor: 'shop' } });
      // Off the reconciler's schedule, so that this sync is the one that looks.
      const moved = await harness.host.ledger.transition(refundId, {
        from: ['pending', 'succeeded'],
        patch: {
          state: 'unknown',
          nextCheckAt: new Date(Date.now() + 3_600_000),
          leaseOwner: null,
          leaseUntil: null,
        },
        event: { type: 'test_unknown', data: {} },
      });
      expect(moved?.state).toBe('unknown');
      const before = (await eventsOf(refundId)).length;
      const synced = await call(service, 'POST', `/v1/refunds/${refundId}/sync`);
      expect(synced.status).toBe(200);
      const written = (await eventsOf(refundId)).slice(before);
      expect(written.length).toBeGreaterThan(0);
      for (const event of written) expect(event.data.actor, event.type).toBe('shop');
    });
  });

  describe('resolve', () => {
    it('decides a refund in needs_attention, recording actor and reason; 409 after, naming the state', async () => {
      const { created } = await createAs(service);
      const refundId = created.body.refundId as string;
      await park(refundId);
      const resolved = await call(operator, 'POST', `/v1/refunds/${refundId}/resolve`, {
        state: 'succeeded',
        reason: '  Seen as paid in the GatePay dashboard  ',
        providerRefundId: 'GP-MANUAL-1',
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ refundId, state: 'succeeded', providerRefundId: 'GP-MANUAL-1' });
      expect((await eventsOf(refundId)).at(-1)).toMatchObject({
        type: 'resolved',
        data: {
          actor: 'ops-alice',
          reason: 'Seen as paid in the GatePay dashboard',
          state: 'succeeded',
          providerRefundId: 'GP-MANUAL-1',
        },
      });

      const again = await call(operator, 'POST', `/v1/refunds/${refundId}/resolve`, {
        state: 'failed',
        reason: 'changed my mind',
      });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe(
        `Refund ${refundId} is succeeded; only a refund in needs_attention can be resolved.`,
      );
      expect((await call(viewer, 'GET', `/v1/refunds/${refundId}`)).body.state).toBe('succeeded');
    });

    it('refuses a body without a reason (422) or with an unknown state, and an unknown refund (404)', async () => {
      const { created } = await createAs(service);
      const refundId = created.body.refundId as string;
      await park(refundId);
      const cases: [unknown, number, string][] = [
        [{ state: 'failed' }, 422, 'reason'],
        [{ state: 'failed', reason: '   ' }, 422, 'reason'],
        [{ state: 'pending', reason: 'x' }, 422, 'state'],
        [{ state: 'failed', reason: 'x', extra: true }, 422, 'extra'],
      ];
      for (const [body, status, field] of cases) {
        const answer = await call(operator, 'POST', `/v1/refunds/${refundId}/resolve`, body);
        expect(answer.status, JSON.stringify(body)).toBe(status);
        expect(answer.body.error.field).toBe(field);
      }
      const malformed = await call(operator, 'POST', `/v1/refunds/${refundId}/resolve`, '{"state":');
      expect(malformed.status).toBe(400);
      expect(
        (await call(operator, 'POST', '/v1/refunds/no-such-refund/resolve', { state: 'failed', reason: 'x' }))
          .status,
      ).toBe(404);
      expect((await call(viewer, 'GET', `/v1/refunds/${refundId}`)).body.state).toBe('needs_attention');
    });

    it('coincorner: a refund resolved failed frees its order, and a second refund then executes', async () => {
      const account = 'coincorner:sandbox';
      // Handed over without reaching CoinCorner, which keys refunds by order only: its order is blocked.
      const { order, refundId } = await neverSent(account);
      const blocked = await call(service, 'POST', '/v1/refunds', refundBody(account, order));
      const refusedRefund = blocked.body.refund ?? blocked.body;
      expect(refusedRefund.state).toBe('failed');
      expect(refusedRefund.failure.message).toContain(refundId);
      expect(harness.executed(account, order.orderId)).toHaveLength(0);

      const resolved = await call(operator, 'POST', `/v1/refunds/${refundId}/resolve`, {
        state: 'failed',
        reason: 'CoinCorner support: no refund on this order',
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body.state).toBe('failed');
      expect(resolved.body.failure).toMatchObject({ code: 'resolved_failed', retryableWithSameId: false });

      const second = await call(service, 'POST', '/v1/refunds', refundBody(account, order));
      expect(second.status, JSON.stringify(second.body)).toBe(201);
      expect(second.body.state, JSON.stringify(second.body)).not.toBe('failed');
      expect(harness.executed(account, order.orderId)).toHaveLength(1);
    });
  });

  describe('resend', () => {
    it('sends again, under the same id, a refund the provider shows no trace of', async () => {
      const account = 'gatepay:sandbox';
      const { order, refundId } = await neverSent(account);
      expect(harness.executed(account, order.orderId)).toHaveLength(0);
      const resent = await call(operator, 'POST', `/v1/refunds/${refundId}/resend`, {
        reason: 'GatePay has no such refund; customer still waiting',
      });
      expect(resent.status).toBe(200);
      expect(resent.body.refundId).toBe(refundId);
      expect(['pending', 'succeeded']).toContain(resent.body.state);
      expect(harness.executed(account, order.orderId)).toHaveLength(1);
      const events = await eventsOf(refundId);
      expect(events.find((event) => event.type === 'resending')?.data).toMatchObject({
        actor: 'ops-alice',
        reason: 'GatePay has no such refund; customer still waiting',
      });
      // Only from needs_attention: a second resend is refused, naming where it stands, and sends nothing.
      const again = await call(operator, 'POST', `/v1/refunds/${refundId}/resend`, { reason: 'again' });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(new RegExp(`^Refund ${refundId} is (pending|succeeded);`));
      expect(harness.executed(account, order.orderId)).toHaveLength(1);
    });

    it('sends nothing when the provider shows the refund: 409 with what it showed, recorded', async () => {
      const account = 'gatepay:sandbox';
      const { order, created } = await createAs(service, account);
      const refundId = created.body.refundId as string;
      await park(refundId);
      const refused = await call(operator, 'POST', `/v1/refunds/${refundId}/resend`, {
        reason: 'customer says nothing arrived',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('provider_shows_refund');
      expect(refused.body.providerShows).toBeDefined();
      expect(refused.body.refund.state).toBe('needs_attention');
      expect(harness.executed(account, order.orderId)).toHaveLength(1);
      expect((await eventsOf(refundId)).at(-1)).toMatchObject({
        type: 'resend_refused',
        data: {
          actor: 'ops-alice',
          reason: 'customer says nothing arrived',
          because: 'the provider shows this refund',
        },
      });
    });

    it('needs a reason', async () => {
      const { refundId } = await neverSent('gatepay:sandbox');
      for (const body of [{}, { reason: '' }, { reason: ' ' }]) {
        const answer = await call(operator, 'POST', `/v1/refunds/${refundId}/resend`, body);
        expect(answer.status).toBe(422);
        expect(answer.body.error.field).toBe('reason');
      }
    });
  });

  describe('lists and counts', () => {
    it('lists needs_attention oldest first across pages, within a creation window', async () => {
      const windowStart = new Date().toISOString();
      const parked: string[] = [];
      for (let index = 0; index < 5; index += 1) {
        const { created } = await createAs(service);
        await park(created.body.refundId);
        parked.push(created.body.refundId);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const windowEnd = new Date(Date.now() + 1).toISOString();
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({
          state: 'needs_attention',
          order: 'oldest',
          createdFrom: windowStart,
          createdTo: windowEnd,
          limit: '2',
          ...(cursor ? { cursor } : {}),
        });
        const page = await call(viewer, 'GET', `/v1/refunds?${query}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.refunds.map((refund: { refundId: string }) => refund.refundId));
        cursor = page.body.nextCursor;
      } while (cursor && seen.length < 20);
      expect(seen).toEqual(parked);
      const newest = await call(
        viewer,
        'GET',
        `/v1/refunds?${new URLSearchParams({ state: 'needs_attention', createdFrom: windowStart, createdTo: windowEnd })}`,
      );
      expect(newest.body.refunds.map((refund: { refundId: string }) => refund.refundId)).toEqual(
        [...parked].reverse(),
      );
    });

    it('refuses an out-of-range limit, a date that is not ISO 8601 and an unknown order with 422', async () => {
      for (const [query, field, message] of [
        ['limit=0', 'limit', 'limit: must be a whole number from 1 to 100'],
        ['limit=101', 'limit', 'limit: must be a whole number from 1 to 100'],
        ['limit=-1', 'limit', 'limit: must be a whole number from 1 to 100'],
        ['createdFrom=yesterday', 'createdFrom', 'createdFrom: must be an ISO 8601 date'],
        ['createdTo=2026-13-45', 'createdTo', 'createdTo: must be a real date'],
        ['order=random', 'order', 'order: must be "newest" or "oldest"'],
      ] as const) {
        const answer = await call(viewer, 'GET', `/v1/refunds?${query}`);
        expect(answer.status, query).toBe(422);
        expect(answer.body.error.field, query).toBe(field);
        expect(answer.body.error.message, query).toContain(message);
      }
    });

    it('counts refunds per account and state in one request, matching the lists', async () => {
      const { created } = await createAs(service, 'bonuspay:sandbox');
      await park(created.body.refundId);
      const counts = await call(viewer, 'GET', '/v1/counts');
      expect(counts.status).toBe(200);
      const lines = counts.body.counts as { account: string; state: RefundState; count: number }[];
      const attention = lines.filter((line) => line.state === 'needs_attention');
      expect(attention.find((line) => line.account === 'bonuspay:sandbox')?.count).toBeGreaterThanOrEqual(1);
      const listed = await call(viewer, 'GET', '/v1/refunds?state=needs_attention&limit=100');
      expect(listed.body.nextCursor).toBeNull();
      expect(counts.body.byState.needs_attention).toBe(listed.body.refunds.length);
      expect(attention.reduce((sum, line) => sum + line.count, 0)).toBe(listed.body.refunds.length);
      expect(Object.keys(counts.body.byState).sort()).toEqual([
        'failed',
        'needs_attention',
        'pending',
        'sending',
        'succeeded',
        'unknown',
      ]);
    });
  });
});
