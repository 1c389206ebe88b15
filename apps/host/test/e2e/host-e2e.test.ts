import { fromMinorUnits, type RunningSandbox, toMinorUnits } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundBody, type SandboxHost, startSandboxHost, waitFor } from '../support/start-sandbox-host';

let harness: SandboxHost;

beforeAll(async () => {
  harness = await startSandboxHost();
}, 60_000);
afterAll(async () => {
  await harness?.close();
});

const accountIds = async () => [...(await startedAccounts())];
async function startedAccounts() {
  return harness.sandboxes.keys();
}

const freshOrder = (account: string) => harness.freshOrder(account);
const body = refundBody;

const half = (amount: string) => fromMinorUnits(toMinorUnits(amount, 2) / 2n, 2);
const executed = (account: string, orderId: string) => harness.executed(account, orderId);
const refundOf = (refundId: string) => harness.call('GET', `/v1/refunds/${refundId}`);

describe('host end to end, over HTTP, against every installed provider sandbox', () => {
  it('loads every installed provider', async () => {
    const accounts = await accountIds();
    expect(accounts.length).toBeGreaterThanOrEqual(2);
    const listed = await harness.call('GET', '/v1/accounts');
    expect(listed.status).toBe(200);
    expect(listed.body.accounts.map((account: { id: string }) => account.id).sort()).toEqual(
      [...accounts].sort(),
    );
  });

  it('refunds in full and in part, and reports the final state', async () => {
    for (const account of await accountIds()) {
      const order = await freshOrder(account);
      const full = await harness.call('POST', '/v1/refunds', body(account, order));
      expect(full.status, `${account}: ${JSON.stringify(full.body)}`).toBe(201);
      expect(['pending', 'succeeded']).toContain(full.body.state);
      const settled = await waitFor(
        () => refundOf(full.body.refundId),
        (result) => result.body.state === 'succeeded',
      );
      expect(settled.body.state, account).toBe('succeeded');
      expect(executed(account, order.orderId)).toHaveLength(1);

      const partialOrder = await freshOrder(account);
      const partial = await harness.call(
        'POST',
        '/v1/refunds',
        body(account, partialOrder, half(partialOrder.amount.amount)),
      );
      const capabilities = (await harness.call('GET', '/v1/accounts')).body.accounts.find(
        (item: { id: string }) => item.id === account,
      ).capabilities;
      if (capabilities.partialRefund) {
        expect(partial.status, `${account}: ${JSON.stringify(partial.body)}`).toBe(201);
        expect(partial.body.amount.amount).toBe(half(partialOrder.amount.amount));
      }
    }
  }, 60_000);

  it('returns the same refund for a repeated request and 409 for a different body under the same id', async () => {
    for (const account of await accountIds()) {
      const order = await freshOrder(account);
      const request = body(account, order);
      const first = await harness.call('POST', '/v1/refunds', request);
      const again = await harness.call('POST', '/v1/refunds', request);
      expect(first.status, account).toBe(201);
      expect(again.status, account).toBe(200);
      expect(again.body.refundId).toBe(first.body.refundId);
      const conflicting = await harness.call('POST', '/v1/refunds', { ...request, reason: 'something else' });
      expect(conflicting.status, account).toBe(409);
      expect(conflicting.body.error.code).toBe('refund_id_conflict');
      expect(executed(account, order.orderId)).toHaveLength(1);
    }
  }, 60_000);

  it('turns 100 concurrent identical requests into one provider refund', async () => {
    for (const account of await accountIds()) {
      const order = await freshOrder(account);
      const request = body(account, order);
      const responses = await Promise.all(
        Array.from({ length: 100 }, () => harness.call('POST', '/v1/refunds', request)),
      );
      expect(
        responses.filter((response) => response.status === 201),
        account,
      ).toHaveLength(1);
      for (const response of responses) {
        expect([200, 201, 202], JSON.stringify(response.body)).toContain(response.status);
        expect(response.body.refundId).toBe(request.refundId);
      }
      expect(executed(account, order.orderId), account).toHaveLength(1);
    }
  }, 120_000);

  it('serializes refunds of one order so two partial refunds cannot race past the order amount', async () => {
    for (const account of await accountIds()) {
      const order = await freshOrder(account);
      const [first, second] = await Promise.all([
        harness.call('POST', '/v1/refunds', body(account, order)),
        harness.call('POST', '/v1/refunds', body(account, order)),
      ]);
      // A refusal the provider reports as invalid input comes back as 422 with the refund beside the error.
      const states = [first, second].map((response) => (response.body.refund ?? response.body).state);
      expect(
        states.filter((state) => state === 'failed'),
        `${account}: ${JSON.stringify(states)}`,
      ).toHaveLength(1);
      expect(executed(account, order.orderId)).toHaveLength(1);
    }
  }, 60_000);

  it('leaves a refund whose answer was lost unknown, then reconciles it without paying twice', async () => {
    for (const account of await accountIds()) {
      const sandbox = harness.sandboxes.get(account) as RunningSandbox;
      const order = await freshOrder(account);
      // Every attempt loses its answer, so even a provider that honours refund ids ends up not knowing.
      sandbox.injectFault({ fault: { kind: 'reset-after-commit' }, path: sandbox.refundPath, times: 3 });
      const lost = await harness.call('POST', '/v1/refunds', body(account, order));
      sandbox.clearFaults();
      expect(lost.status, account).toBe(201);
      expect(lost.body.state, account).toBe('unknown');
      const resolved = await waitFor(
        () => refundOf(lost.body.refundId),
        (result) => result.body.state === 'succeeded',
        15_000,
      );
      expect(resolved.body.state, account).toBe('succeeded');
      expect(executed(account, order.orderId), account).toHaveLength(1);
    }
  }, 90_000);

  it('applies a provider notification to the ledger', async () => {
    const accounts = (await harness.call('GET', '/v1/accounts')).body.accounts.filter(
      (account: { capabilities: { notifications: boolean } }) => account.capabilities.notifications,
    );
    expect(accounts.length).toBeGreaterThan(0);
    for (const { id: account } of accounts) {
      const order = await freshOrder(account);
      const created = await harness.call('POST', '/v1/refunds', body(account, order));
      await (harness.sandboxes.get(account) as RunningSandbox).settleAll();
      const events = await waitFor(
        () => harness.call('GET', `/v1/refunds/${created.body.refundId}/events`),
        (result) => result.body.events?.some((event: { type: string }) => event.type === 'notification'),
      );
      expect(
        events.body.events.map((event: { type: string }) => event.type),
        account,
      ).toContain('notification');
      expect((await refundOf(created.body.refundId)).body.state).toBe('succeeded');
    }
  }, 60_000);

  it('refuses bad input with a body that names the field', async () => {
    const [account] = await accountIds();
    const order = await freshOrder(account as string);
    const numberAmount = await harness.call('POST', '/v1/refunds', {
      ...body(account as string, order),
      amount: { amount: 10.5, currency: 'USDT' },
    });
    expect(numberAmount.status).toBe(422);
    expect(numberAmount.body.error.field).toBe('amount.amount');
    expect(numberAmount.body.error.message).toMatch(/decimal string/);
    const unknownField = await harness.call('POST', '/v1/refunds', {
      ...body(account as string, order),
      refundAmount: '1',
    });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.error.message).toMatch(/refundAmount/);
    const badJson = await harness.call('POST', '/v1/refunds', '{"refundId":');
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('invalid_json');
    const noRoute = await harness.call('POST', '/v1/refunds', {
      ...body(account as string, order),
      account: undefined,
    });
    expect(noRoute.status).toBe(422);
    const unknownAccount = await harness.call('POST', '/v1/refunds', {
      ...body(account as string, order),
      account: 'nopay:x',
    });
    expect(unknownAccount.status).toBe(422);
    expect(executed(account as string, order.orderId)).toHaveLength(0);
  });

  it('answers 422 when the provider adapter refuses a refund before sending it', async () => {
    let checked = 0;
    for (const account of await accountIds()) {
      const order = await freshOrder(account);
      if (!order.destination?.address) continue;
      const { destination: _destination, ...withoutDestination } = body(account, order);
      const refused = await harness.call('POST', '/v1/refunds', {
        ...withoutDestination,
        destination: { address: 'not-an-address' },
      });
      expect(refused.status, `${account}: ${JSON.stringify(refused.body)}`).toBe(422);
      expect(refused.body.error.code).toBe('invalid_request');
      expect(refused.body.refund.state).toBe('failed');
      expect(executed(account, order.orderId)).toHaveLength(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('requires an API key everywhere but health, the API docs and notifications', async () => {
    for (const path of ['/v1/refunds', '/v1/accounts', '/v1/counts', '/v1/refunds/x', '/metrics']) {
      const response = await harness.call('GET', path, undefined, { authorization: 'Bearer wrong' });
      expect(response.status, path).toBe(401);
    }
    for (const path of ['/healthz', '/readyz', '/openapi.json', '/docs']) {
      expect((await fetch(`${harness.url}${path}`)).status, path).toBe(200);
    }
  });

  it('lists refunds with filters and cursor pagination, and serves openapi and metrics', async () => {
    const [account] = await accountIds();
    const first = await harness.call('GET', `/v1/refunds?account=${account}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.refunds.length).toBeLessThanOrEqual(2);
    if (first.body.nextCursor) {
      const second = await harness.call(
        'GET',
        `/v1/refunds?account=${account}&limit=2&cursor=${first.body.nextCursor}`,
      );
      const firstIds = first.body.refunds.map((refund: { refundId: string }) => refund.refundId);
      for (const refund of second.body.refunds) expect(firstIds).not.toContain(refund.refundId);
    }
    const openApi = await harness.call('GET', '/openapi.json');
    expect(openApi.body.components.schemas.CreateRefund.properties.amount).toBeDefined();
    const metrics = await (
      await fetch(`${harness.url}/metrics`, { headers: { authorization: `Bearer ${harness.apiKey}` } })
    ).text();
    expect(metrics).toMatch(/refunds_ledger_refunds\{state="succeeded"\} \d+/);
  });
});
