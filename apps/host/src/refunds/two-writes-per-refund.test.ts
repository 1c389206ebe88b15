import { randomBytes } from 'node:crypto';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../../test/support/start-postgres';
import { refundBody, type SandboxHost, startSandboxHost } from '../../test/support/start-sandbox-host';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/support/start-webhook-receiver';

// Issue 19: a refund costs two write transactions on the happy path, the record (with its order's lock) before
// the provider call and the outcome (with the lock's release and the webhook outbox rows) after it. Counted as
// the ledger.write spans of the request, through the same public OpenTelemetry API an operator's SDK uses.

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
let postgres: RunningPostgres;
let shop: WebhookReceiver;
process.env.TWO_WRITES_WEBHOOK_SECRET = `whsec_${randomBytes(32).toString('base64')}`;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  postgres = await startPostgres();
  shop = await startWebhookReceiver();
}, 60_000);

afterAll(async () => {
  await shop?.close();
  await postgres?.stop();
  trace.disable();
  context.disable();
});

const childrenOf = (parent: ReadableSpan, spans: readonly ReadableSpan[]) =>
  spans.filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

describe.each(['sqlite', 'postgres'] as const)('a refund on the %s ledger', (dialect) => {
  let harness: SandboxHost;

  beforeAll(async () => {
    harness = await startSandboxHost({
      ...(dialect === 'postgres' ? { databaseUrl: await postgres.createDatabase() } : {}),
      configure: (config) => ({
        ...config,
        webhooks: {
          endpoints: [{ id: 'shop', url: shop.url, secret: { env: 'TWO_WRITES_WEBHOOK_SECRET' } }],
        },
      }),
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('takes two write transactions: the record before the call, the outcome after', async () => {
    for (const account of harness.sandboxes.keys()) {
      exporter.reset();
      const response = await harness.call(
        'POST',
        '/v1/refunds',
        refundBody(account, await harness.freshOrder(account)),
      );
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      await provider.forceFlush();
      const spans = exporter.getFinishedSpans();
      const request = spans.find((span) => span.kind === SpanKind.SERVER && span.name === 'POST /v1/refunds');
      if (request === undefined) throw new Error('no request span');
      const children = childrenOf(request, spans);
      const writes = children.filter((span) => span.name === 'ledger.write');
      const [call] = children.filter((span) => span.name === 'provider.refund');
      expect(writes, account).toHaveLength(2);
      const start = (span: ReadableSpan) => span.startTime[0] * 1e9 + span.startTime[1];
      expect(start(writes[0] as ReadableSpan)).toBeLessThan(start(call as ReadableSpan));
      expect(start(writes[1] as ReadableSpan)).toBeGreaterThan(start(call as ReadableSpan));

      // The outcome's write carried the webhook event, and the order's lock is free again.
      const events = await harness.host.ledger.webhookEvents(response.body.refundId);
      expect(
        events.map((event) => event.type),
        account,
      ).toEqual([`refund.${response.body.state}`]);
      const refund = await harness.host.ledger.getRefund(response.body.refundId);
      if (refund === undefined) throw new Error('the refund is not in the ledger');
      const probe = { ...refund, refundId: `probe-${refund.refundId}`, leaseOwner: 'probe', leaseMs: 1_000 };
      const next = await harness.host.ledger.recordRefund(probe, { owner: 'probe', ttlMs: 1_000 });
      expect(next.outcome, account).not.toBe('order_busy');
    }
  });
});
