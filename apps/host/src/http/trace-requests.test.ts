import { Writable } from 'node:stream';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { createRedactor } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../../test/support/start-postgres';
import { refundBody, type SandboxHost, startSandboxHost } from '../../test/support/start-sandbox-host';
import { createLogger } from '../logging/create-logger';
import { W3CTraceContextPropagator } from './__fixtures__/w3c-trace-context-propagator';

// The spans of one refund request, as an operator's SDK would receive them: an in-memory exporter registered
// through the public API, the host unaware of it.

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
const lines: Record<string, unknown>[] = [];
let harness: SandboxHost;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  harness = await startSandboxHost({
    logger: createLogger({ redactor: createRedactor(() => []), destination, level: 'info' }),
  });
}, 60_000);

afterAll(async () => {
  await harness?.close();
  trace.disable();
  context.disable();
});

/** The spans ended so far: the processor hands them to the exporter asynchronously. */
const finishedSpans = async (): Promise<ReadableSpan[]> => {
  await provider.forceFlush();
  return exporter.getFinishedSpans();
};

const childrenOf = (parent: ReadableSpan, spans: readonly ReadableSpan[]) =>
  spans.filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

describe('traces', () => {
  it('has a server span per request, ledger writes and the provider call as its children', async () => {
    exporter.reset();
    const order = await harness.freshOrder('gatepay:sandbox');
    const response = await harness.call('POST', '/v1/refunds', refundBody('gatepay:sandbox', order));
    expect(response.status).toBe(201);

    const spans = await finishedSpans();
    // Only this request's: a sandbox notification (POST /v1/notifications/:account) may come in meanwhile.
    const requests = spans.filter(
      (span) => span.kind === SpanKind.SERVER && span.name === 'POST /v1/refunds',
    );
    expect(requests).toHaveLength(1);
    const request = requests[0] as ReadableSpan;
    expect(request.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/v1/refunds',
      'http.response.status_code': 201,
    });
    expect(request.status.code).toBe(SpanStatusCode.UNSET);

    const children = childrenOf(request, spans);
    const writes = children.filter((span) => span.name === 'ledger.write');
    // At least: the refund recorded before the call, and its outcome after.
    expect(writes.length).toBeGreaterThanOrEqual(2);
    for (const write of writes) {
      expect(write.kind).toBe(SpanKind.CLIENT);
      expect(write.attributes['db.system']).toBe('sqlite');
    }
    const calls = children.filter((span) => span.name === 'provider.refund');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.kind).toBe(SpanKind.CLIENT);
    expect(calls[0]?.attributes).toMatchObject({
      'refunds.account': 'gatepay:sandbox',
      'refunds.provider': 'gatepay',
      'refunds.refund_id': response.body.refundId,
      'refunds.resend': false,
    });
    // The record comes first and the outcome after: the call sits between ledger writes.
    const starts = (span: ReadableSpan) => span.startTime[0] * 1e9 + span.startTime[1];
    const call = calls[0] as ReadableSpan;
    expect(writes.some((write) => starts(write) < starts(call))).toBe(true);
    expect(writes.some((write) => starts(write) > starts(call))).toBe(true);
    for (const span of [...writes, ...calls]) {
      expect(span.spanContext().traceId).toBe(request.spanContext().traceId);
    }
  });

  it("puts the request's trace id in its log line", async () => {
    exporter.reset();
    lines.length = 0;
    expect((await harness.call('GET', '/v1/accounts')).status).toBe(200);
    // Found by name: a sandbox's notification about an earlier refund may arrive meanwhile, with a span of its own.
    const request = (await finishedSpans()).find((span) => span.name === 'GET /v1/accounts');
    expect(request?.kind).toBe(SpanKind.SERVER);
    const line = lines.find((entry) => entry.msg === 'request' && entry.route === '/v1/accounts');
    expect(line).toMatchObject({
      trace_id: request?.spanContext().traceId,
      span_id: request?.spanContext().spanId,
      trace_flags: '01',
    });
  });

  it("continues the caller's trace when the SDK registered a propagator", async () => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    try {
      exporter.reset();
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const response = await fetch(`${harness.url}/healthz`, {
        headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      });
      expect(response.status).toBe(200);
      const request = (await finishedSpans()).find((span) => span.name === 'GET /healthz');
      expect(request?.spanContext().traceId).toBe(traceId);
      expect(request?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    } finally {
      propagation.disable();
    }
  });

  it('names a span by the route template, never by the concrete path; a 404 is no server failure', async () => {
    exporter.reset();
    expect((await harness.call('GET', '/v1/refunds/no-such-refund')).status).toBe(404);
    expect((await harness.call('GET', '/v1/no-such-route')).status).toBe(404);
    const names = (await finishedSpans())
      .filter((span) => span.kind === SpanKind.SERVER && span.attributes['http.request.method'] === 'GET')
      .map((span) => [span.name, span.status.code]);
    expect(names).toEqual([
      ['GET /v1/refunds/:refundId', SpanStatusCode.UNSET],
      ['GET', SpanStatusCode.UNSET],
    ]);
  });

  it("marks a provider's refusal on the provider span by its code and outcome, never its message", async () => {
    exporter.reset();
    const order = await harness.freshOrder('gatepay:sandbox');
    // More than the order: twice its whole units plus one, kept as exact decimal text.
    const [units = '0', fraction = '00'] = order.amount.amount.split('.');
    const tooMuch = `${BigInt(units) * 2n + 1n}.${fraction}`;
    const response = await harness.call('POST', '/v1/refunds', refundBody('gatepay:sandbox', order, tooMuch));
    expect(response.body.state).toBe('failed');
    const call = (await finishedSpans()).find((span) => span.name === 'provider.refund');
    expect(call?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'declined' });
    expect(call?.attributes).toMatchObject({ 'error.type': 'declined', 'refunds.error.outcome': 'rejected' });
    expect(call?.events).toEqual([]);
  });
});

describe('traces on a PostgreSQL ledger', () => {
  let postgres: RunningPostgres;
  let onPostgres: SandboxHost;
  beforeAll(async () => {
    postgres = await startPostgres();
    onPostgres = await startSandboxHost({ databaseUrl: await postgres.createDatabase() });
  }, 120_000);
  afterAll(async () => {
    await onPostgres?.close();
    await postgres?.stop();
  });

  it('has its ledger writes as children of the request, named for PostgreSQL', async () => {
    exporter.reset();
    const order = await onPostgres.freshOrder('gatepay:sandbox');
    expect((await onPostgres.call('POST', '/v1/refunds', refundBody('gatepay:sandbox', order))).status).toBe(
      201,
    );
    const spans = await finishedSpans();
    const request = spans.find((span) => span.name === 'POST /v1/refunds') as ReadableSpan;
    const writes = childrenOf(request, spans).filter((span) => span.name === 'ledger.write');
    expect(writes.length).toBeGreaterThanOrEqual(2);
    for (const write of writes) expect(write.attributes['db.system']).toBe('postgresql');
  });
});
