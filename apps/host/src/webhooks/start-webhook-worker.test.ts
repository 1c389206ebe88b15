import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ReceiverAnswer,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../test/support/start-webhook-receiver';
import type { WebhookEndpoint } from '../config/resolve-webhook-endpoints';
import { createMetrics } from '../http/create-metrics';
import { createLedger } from '../ledger/create-ledger';
import type { Ledger } from '../ledger/ledger';
import { responseExcerptBytes } from './post-webhook';
import { startWebhookWorker, type WebhookWorkerOptions } from './start-webhook-worker';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
let directory: string;
let ledger: Ledger;
const receivers: WebhookReceiver[] = [];

async function receiver(answer?: (request: unknown, index: number) => ReceiverAnswer) {
  const started = await startWebhookReceiver(answer);
  receivers.push(started);
  return started;
}

async function openLedger(endpoints: WebhookEndpoint[], giveUpAfterMs = 60_000) {
  ledger = await createLedger({
    sqlitePath: join(directory, 'ledger.sqlite'),
    webhooks: {
      endpoints: endpoints.map(({ id, events }) => ({ id, ...(events ? { events } : {}) })),
      giveUpAfterMs,
    },
  });
  return ledger;
}

/** A refund that succeeded: one `refund.succeeded` event. */
async function succeededRefund(): Promise<string> {
  const refundId = `refund-${randomBytes(4).toString('hex')}`;
  await ledger.createRefund({
    refundId,
    account: 'gatepay:main',
    provider: 'gatepay',
    orderId: 'order-1',
    amount: '12.50',
    currency: 'USDT',
    requestHash: 'hash',
    request: { refundId, orderId: 'order-1', amount: { amount: '12.50', currency: 'USDT' } },
    leaseOwner: 'host-1',
    leaseMs: 60_000,
  });
  await ledger.transition(refundId, {
    from: ['sending'],
    patch: { state: 'succeeded', providerRefundId: 'provider-7' },
    event: { type: 'provider_answered', data: {} },
  });
  return refundId;
}

function worker(endpoints: WebhookEndpoint[], options: Partial<WebhookWorkerOptions> = {}) {
  return startWebhookWorker({
    ledger,
    endpoints,
    instanceId: 'host-1',
    logger: pino({ level: 'silent' }),
    metrics: createMetrics(),
    timeoutMs: 2_000,
    // Only runOnce drives it in these tests.
    intervalMs: 3_600_000,
    retryDelay: () => 0,
    ...options,
  });
}

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'refunds-webhooks-'));
});

afterEach(async () => {
  await ledger?.close();
  await Promise.all(receivers.splice(0).map((started) => started.close()));
  await rm(directory, { recursive: true, force: true });
});

describe('the webhook worker, against a receiver on loopback', () => {
  it('posts the event signed so that standardwebhooks verifies it, body as GET shows the refund', async () => {
    const shop = await receiver();
    const endpoint = { id: 'shop', url: shop.url, secret, events: undefined };
    await openLedger([endpoint]);
    const refundId = await succeededRefund();
    const running = worker([endpoint]);
    await running.runOnce();
    await running.stop();

    expect(shop.received).toHaveLength(1);
    const [request] = shop.received;
    if (request === undefined) throw new Error('nothing received');
    expect(request.headers['content-type']).toBe('application/json');
    const verified = new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
    const refund = await ledger.getRefund(refundId);
    expect(verified).toEqual({
      type: 'refund.succeeded',
      timestamp: refund?.updatedAt.toISOString(),
      sequence: 1,
      data: {
        refundId,
        account: 'gatepay:main',
        provider: 'gatepay',
        orderId: 'order-1',
        amount: { amount: '12.50', currency: 'USDT' },
        state: 'succeeded',
        providerRefundId: 'provider-7',
        createdAt: refund?.createdAt.toISOString(),
        updatedAt: refund?.updatedAt.toISOString(),
      },
    });
    expect(Math.abs(Number(request.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    // A different secret does not verify: the signature is really over these bytes with this key.
    const other = new Webhook(`whsec_${randomBytes(32).toString('base64')}`);
    expect(() => other.verify(request.body, request.headers as Record<string, string>)).toThrow();
    const [delivery] = await ledger.webhookDeliveries(refundId);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 204 });
  });

  it('sends the same webhook-id on every attempt: failed twice, delivered on the third', async () => {
    const shop = await receiver((_, index) =>
      index < 2 ? { status: index === 0 ? 500 : 503 } : { status: 200 },
    );
    const endpoint = { id: 'shop', url: shop.url, secret, events: undefined };
    await openLedger([endpoint]);
    const refundId = await succeededRefund();
    const running = worker([endpoint]);
    for (let pass = 0; pass < 3; pass += 1) await running.runOnce();
    await running.stop();

    const ids = shop.received.map((request) => request.headers['webhook-id']);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(new Set(shop.received.map((request) => request.body)).size).toBe(1);
    for (const request of shop.received) {
      expect(() =>
        new Webhook(secret).verify(request.body, request.headers as Record<string, string>),
      ).not.toThrow();
    }
    const [delivery] = await ledger.webhookDeliveries(refundId);
    expect(delivery?.state).toBe('delivered');
    expect(delivery?.attemptLog.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
  });

  it('schedules a retry after a failure, and abandons once past the give-up time', async () => {
    const shop = await receiver(() => ({ status: 500 }));
    const endpoint = { id: 'shop', url: shop.url, secret, events: undefined };
    await openLedger([endpoint], 30_000);
    const refundId = await succeededRefund();
    const running = worker([endpoint], { retryDelay: (attempts) => (attempts === 1 ? 5_000 : 60_000) });
    await running.runOnce();
    let [delivery] = await ledger.webhookDeliveries(refundId);
    expect(delivery?.state).toBe('pending');
    expect((delivery?.nextAttemptAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(3_000);
    // Not due yet: nothing is posted.
    expect(await running.runOnce()).toBe(0);
    // Made due at once; the give-up time counts from now again (30 s), before the next retry (60 s).
    await ledger.redeliverWebhook(delivery?.id ?? '', { now: new Date() });
    await running.runOnce();
    await running.stop();
    [delivery] = await ledger.webhookDeliveries(refundId);
    // The next retry (60 s) would fall after the give-up time (30 s after the event).
    expect(delivery?.state).toBe('abandoned');
    expect(delivery?.attempts).toBe(2);
  });

  it('does not follow a redirect, keeps only the first bytes of an answer, and times out a silent receiver', async () => {
    const elsewhere = await receiver();
    const big = 'x'.repeat(100_000);
    const shop = await receiver((_, index) =>
      index === 0
        ? { status: 307, headers: { location: elsewhere.url } }
        : index === 1
          ? { status: 500, body: big }
          : 'hang',
    );
    const endpoint = { id: 'shop', url: shop.url, secret, events: undefined };
    await openLedger([endpoint]);
    const refundId = await succeededRefund();
    const running = worker([endpoint], { timeoutMs: 300 });
    for (let pass = 0; pass < 3; pass += 1) await running.runOnce();
    await running.stop();

    expect(elsewhere.received).toHaveLength(0);
    const [delivery] = await ledger.webhookDeliveries(refundId);
    expect(delivery?.state).toBe('pending');
    const [redirected, failed, silent] = delivery?.attemptLog ?? [];
    expect(redirected?.status).toBe(307);
    expect(failed?.status).toBe(500);
    expect(failed?.responseExcerpt).toBe('x'.repeat(responseExcerptBytes));
    expect(silent).toMatchObject({ status: undefined, error: 'no answer within 300 ms' });
  });

  it('delivers to each endpoint the events it asked for', async () => {
    const shop = await receiver();
    const pager = await receiver();
    const endpoints = [
      { id: 'shop', url: shop.url, secret, events: undefined },
      { id: 'pager', url: pager.url, secret, events: ['refund.needs_attention' as const] },
    ];
    await openLedger(endpoints);
    await succeededRefund();
    const running = worker(endpoints);
    await running.runOnce();
    await running.stop();
    expect(shop.received).toHaveLength(1);
    expect(pager.received).toHaveLength(0);
  });
});
