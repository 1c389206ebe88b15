import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoOrder } from '@refunds/core';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig } from '../../src/config/host-config';
import { startSandboxAccounts } from '../../src/plugins/start-sandbox-accounts';
import { type SpawnedHost, spawnHost } from '../support/spawn-host';
import { startPostgres } from '../support/start-postgres';
import {
  freePort,
  refundBody,
  type SandboxHost,
  startSandboxHost,
  testApiKey,
  waitFor,
} from '../support/start-sandbox-host';
import {
  type ReceivedWebhook,
  type ReceiverAnswer,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/start-webhook-receiver';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
// Read by the hosts started in this file (each test file runs in its own worker).
process.env.SHOP_WEBHOOK_SECRET = secret;

const serviceKey = {
  name: 'shop-backend',
  role: 'service' as const,
  secret: `sk_service_${randomBytes(12).toString('hex')}`,
};

const withWebhooks =
  (url: string, extra: Partial<NonNullable<HostConfig['webhooks']>> = {}) =>
  (config: HostConfig): HostConfig => ({
    ...config,
    webhooks: { endpoints: [{ id: 'shop', url, secret: { env: 'SHOP_WEBHOOK_SECRET' } }], ...extra },
  });

interface Payload {
  type: string;
  timestamp: string;
  sequence: number;
  data: { refundId: string; state: string };
}

function verified(request: ReceivedWebhook): Payload {
  return new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as Payload;
}

/** The first value `read` gives that is not undefined; fails the test once `timeoutMs` has passed without one. */
async function eventually<Value>(read: () => Promise<Value | undefined>, timeoutMs: number): Promise<Value> {
  const value = await waitFor(read, (current) => current !== undefined, timeoutMs);
  if (value === undefined) throw new Error(`nothing came within ${timeoutMs} ms`);
  return value;
}

const receivers: WebhookReceiver[] = [];
async function receiver(answer?: (request: ReceivedWebhook, index: number) => ReceiverAnswer) {
  const started = await startWebhookReceiver(answer);
  receivers.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((started) => started.close()));
});

describe('webhooks from a host over its sandboxes', () => {
  let harness: SandboxHost;
  let shop: WebhookReceiver;

  beforeAll(async () => {
    shop = await startWebhookReceiver();
    harness = await startSandboxHost({
      configure: withWebhooks(shop.url),
      apiKeys: [testApiKey, serviceKey],
      webhookIntervalMs: 50,
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    await shop?.close();
  });

  it('tells the shop of each refund becoming final, signed, in order, as GET shows it, with no secret', async () => {
    const refundIds: string[] = [];
    for (const account of harness.sandboxes.keys()) {
      const order = await harness.freshOrder(account);
      const created = await harness.call('POST', '/v1/refunds', refundBody(account, order));
      expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
      refundIds.push(created.body.refundId);
    }
    for (const refundId of refundIds) {
      await eventually(async () => {
        const { body } = await harness.call('GET', `/v1/refunds/${refundId}/deliveries`);
        const last = body.deliveries.at(-1);
        return last?.type === 'refund.succeeded' && last.state === 'delivered' ? true : undefined;
      }, 20_000);
    }

    for (const refundId of refundIds) {
      const received = shop.received.map(verified).filter((payload) => payload.data.refundId === refundId);
      // Every change the shop acts on, numbered 1, 2, ... in the order they happened.
      expect(received.map((payload) => payload.sequence)).toEqual(received.map((_, index) => index + 1));
      expect(received.at(-1)?.type).toBe('refund.succeeded');
      expect(
        received
          .map((payload) => payload.type)
          .every((type) => ['refund.pending', 'refund.succeeded'].includes(type)),
      ).toBe(true);
      const { body: refund } = await harness.call('GET', `/v1/refunds/${refundId}`);
      expect(received.at(-1)?.data).toEqual(refund);
    }
    for (const request of shop.received) {
      expect(request.headers['content-type']).toBe('application/json');
      const everything = JSON.stringify(request);
      for (const value of [
        testApiKey,
        serviceKey.secret,
        secret,
        secret.slice(6),
        ...harness.sandboxAccounts.secretValues,
      ]) {
        expect(everything).not.toContain(value);
      }
    }
  });

  it('lists deliveries with their attempts, and redelivers on an operator key only', async () => {
    const account = [...harness.sandboxes.keys()][0] as string;
    const created = await harness.call(
      'POST',
      '/v1/refunds',
      refundBody(account, await harness.freshOrder(account)),
    );
    const refundId = created.body.refundId as string;
    const delivered = await eventually(async () => {
      const { body } = await harness.call('GET', `/v1/refunds/${refundId}/deliveries`);
      const last = body.deliveries.at(-1);
      return last?.type === 'refund.succeeded' && last.state === 'delivered' ? last : undefined;
    }, 20_000);
    expect(delivered).toMatchObject({ endpointId: 'shop', attempts: 1, lastStatus: 204 });
    expect(delivered.attemptLog).toHaveLength(1);
    expect(delivered.attemptLog[0]).toMatchObject({ status: 204 });

    const asService = await harness.call(
      'POST',
      `/v1/webhook-deliveries/${delivered.id}/redeliver`,
      undefined,
      {
        authorization: `Bearer ${serviceKey.secret}`,
      },
    );
    expect(asService.status).toBe(403);
    expect(asService.body.error.message).toMatch(/redeliver needs role operator/);

    const before = shop.received.filter(
      (request) => request.headers['webhook-id'] === delivered.webhookId,
    ).length;
    const redelivered = await harness.call('POST', `/v1/webhook-deliveries/${delivered.id}/redeliver`);
    expect(redelivered.status).toBe(202);
    expect(redelivered.body).toMatchObject({ id: delivered.id, state: 'pending' });
    await eventually(
      async () =>
        shop.received.filter((request) => request.headers['webhook-id'] === delivered.webhookId).length >
          before || undefined,
      10_000,
    );
    const { body: events } = await harness.call('GET', `/v1/refunds/${refundId}/events`);
    expect(events.events.at(-1)).toMatchObject({
      type: 'webhook_redelivery_requested',
      data: { actor: 'key-1', deliveryId: delivered.id },
    });
    expect((await harness.call('POST', '/v1/webhook-deliveries/whd_nothing/redeliver')).status).toBe(404);
    const { body: metrics } = await harness.call('GET', '/metrics');
    expect(metrics).toMatch(
      /^refunds_webhook_deliveries_total\{endpoint="shop",outcome="delivered"\} [1-9]/m,
    );
    expect(metrics).toMatch(/^refunds_webhook_oldest_undelivered_seconds\{endpoint="shop"\} 0$/m);
    expect((await harness.call('GET', '/v1/refunds/no-such-refund/deliveries')).status).toBe(404);
  });
});

describe('a host killed with SIGKILL in the middle of a delivery', () => {
  let directory: string;
  let sandboxAccounts: Awaited<ReturnType<typeof startSandboxAccounts>>;
  const hosts: SpawnedHost[] = [];

  afterAll(async () => {
    for (const host of hosts) await host.kill('SIGKILL');
    await sandboxAccounts?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('loses nothing: after the restart the same webhook-id is delivered', async () => {
    directory = mkdtempSync(join(tmpdir(), 'refunds-webhook-kill-'));
    const port = await freePort();
    sandboxAccounts = await startSandboxAccounts({
      notificationUrl: (account) =>
        `http://127.0.0.1:${port}/v1/notifications/${encodeURIComponent(account)}`,
      settleAfterMs: 300,
    });
    // The first request is held open until the host that sent it is dead; every later one is answered.
    const shop = await receiver((_, index) => (index === 0 ? 'hang' : { status: 200 }));
    const configPath = join(directory, 'refunds.config.json');
    writeFileSync(
      configPath,
      JSON.stringify(withWebhooks(shop.url, { timeoutMs: 1_000 })(sandboxAccounts.config)),
    );
    const start = async () => {
      const host = await spawnHost({
        port,
        configPath,
        cwd: directory,
        environment: {
          ...sandboxAccounts.environment,
          SHOP_WEBHOOK_SECRET: secret,
          REFUNDS_API_KEYS: testApiKey,
          LOG_LEVEL: 'warn',
          DATABASE_URL: '',
        },
      });
      hosts.push(host);
      return host;
    };

    const first = await start();
    const account = [...sandboxAccounts.sandboxes.keys()][0] as string;
    const sandbox = sandboxAccounts.sandboxes.get(account);
    const template = sandboxAccounts.demoOrders.get(account)?.[0] as DemoOrder;
    const order = { ...template, ...(await sandbox?.seedOrder({ amount: template.amount })) };
    const body = refundBody(account, order);
    const created = await fetch(`${first.url}/v1/refunds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${testApiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(created.status).toBeLessThan(300);

    await eventually(async () => (shop.received.length >= 1 ? true : undefined), 20_000);
    const webhookId = shop.received[0]?.headers['webhook-id'];
    await first.kill('SIGKILL');

    const second = await start();
    // The dead host's lease (twice the 1 s timeout, plus 5 s) runs out, and the restarted host posts again.
    await eventually(
      async () =>
        shop.received.filter((request) => request.headers['webhook-id'] === webhookId).length >= 2 ||
        undefined,
      30_000,
    );
    const deliveries = await eventually(async () => {
      const response = await fetch(`${second.url}/v1/refunds/${body.refundId}/deliveries`, {
        headers: { authorization: `Bearer ${testApiKey}` },
      });
      const { deliveries } = (await response.json()) as {
        deliveries: { webhookId: string; state: string }[];
      };
      const first = deliveries.find((delivery) => delivery.webhookId === webhookId);
      return first?.state === 'delivered' ? deliveries : undefined;
    }, 20_000);
    expect(deliveries.length).toBeGreaterThanOrEqual(1);
    // Every event of the refund reached the shop at least once.
    const receivedIds = new Set(shop.received.map((request) => request.headers['webhook-id']));
    for (const delivery of deliveries) expect(receivedIds.has(delivery.webhookId)).toBe(true);
  }, 90_000);
});

describe('two host instances on one PostgreSQL', () => {
  let postgres: Awaited<ReturnType<typeof startPostgres>>;
  const harnesses: SandboxHost[] = [];

  afterAll(async () => {
    for (const harness of harnesses.reverse()) await harness.close();
    await postgres?.stop();
  });

  it('never deliver one event in parallel, and deliver every event', async () => {
    postgres = await startPostgres();
    const databaseUrl = await postgres.createDatabase();
    // A slow shop: a delivery in flight lasts long enough for the other instance to try to take it.
    const shop = await receiver(() => ({ status: 200, delayMs: 150 }));
    const options = {
      configure: withWebhooks(shop.url),
      databaseUrl,
      webhookIntervalMs: 20,
    };
    const first = await startSandboxHost(options);
    harnesses.push(first);
    const second = await startSandboxHost({ ...options, sandboxAccounts: first.sandboxAccounts });
    harnesses.push(second);

    const refundIds: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      for (const account of first.sandboxes.keys()) {
        const harness = round % 2 === 0 ? first : second;
        const created = await harness.call(
          'POST',
          '/v1/refunds',
          refundBody(account, await first.freshOrder(account)),
        );
        expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
        refundIds.push(created.body.refundId);
      }
    }
    const all = await eventually(async () => {
      const lists = await Promise.all(
        refundIds.map(
          async (refundId) => (await first.call('GET', `/v1/refunds/${refundId}/deliveries`)).body.deliveries,
        ),
      );
      const deliveries = lists.flat() as { webhookId: string; state: string; type: string }[];
      const finals = deliveries.filter((delivery) => delivery.type === 'refund.succeeded');
      return finals.length === refundIds.length &&
        deliveries.every((delivery) => delivery.state === 'delivered')
        ? deliveries
        : undefined;
    }, 60_000);

    expect(shop.mostInFlightForOneId()).toBe(1);
    const receivedIds = shop.received.map((request) => request.headers['webhook-id']);
    for (const delivery of all) expect(receivedIds).toContain(delivery.webhookId);
    // Both instances delivered: the work was shared, not done by one while the other idled.
    const instances = new Set(
      (
        await Promise.all(
          refundIds.map(
            async (refundId) =>
              (
                await first.call('GET', `/v1/refunds/${refundId}/deliveries`)
              ).body.deliveries,
          ),
        )
      )
        .flat()
        .flatMap((delivery: { attemptLog: { instance: string }[] }) =>
          delivery.attemptLog.map((attempt) => attempt.instance),
        ),
    );
    expect(instances.size).toBe(2);
  }, 120_000);
});
