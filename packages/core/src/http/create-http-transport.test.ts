import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor } from '../redaction/create-redactor';
import { createLoopbackServer, type LoopbackServer } from '../sandbox/create-loopback-server';
import { refundErrorOf as failure } from '../testing/describe-error-table';
import { createHttpTransport, type HttpTransportOptions } from './create-http-transport';
import type { HttpRequest } from './http-types';

const secret = 'tr4nsport-Secret-Key';
let server: LoopbackServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(
  handle: Parameters<typeof createLoopbackServer>[0]['handle'] = () => ({ body: '{"ok":true}' }),
) {
  server = await createLoopbackServer({ handle });
  return server;
}

function transport(url: string, overrides: Partial<HttpTransportOptions> = {}) {
  return createHttpTransport({
    provider: 'testpay',
    baseUrl: url,
    timeoutMs: 300,
    retryDelayMs: 5,
    redactor: createRedactor(() => [secret]),
    ...overrides,
  });
}

const post = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'POST',
  path: '/refund',
  idempotent: false,
  prepare: ({ attempt }) => ({
    body: `{"attempt":${attempt},"key":"${secret}"}`,
    headers: { 'content-type': 'application/json', 'x-signature': secret },
  }),
  ...overrides,
});

// A port that nothing listens on: bind one, note it, release it.
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('createHttpTransport', () => {
  it('sends the exact prepared bytes and returns the exact bytes received', async () => {
    const loopback = await start((request) => ({ status: 201, body: `echo:${request.text}` }));
    const response = await transport(loopback.url).send(post({ query: { a: '1 2' } }));
    expect(response.status).toBe(201);
    expect(response.text).toBe(`echo:{"attempt":1,"key":"${secret}"}`);
    expect(response.body).toBeInstanceOf(Uint8Array);
    expect(loopback.requests[0]?.url.search).toBe('?a=1+2');
  });

  it('keeps a path prefix of the base URL', async () => {
    const loopback = await start();
    await transport(`${loopback.url}/payment/open/institution/`).send(post());
    expect(loopback.requests[0]?.path).toBe('/payment/open/institution/refund');
  });

  it('never retries a non-idempotent POST whose connection was reset: outcome unknown', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'reset-after-commit' } });
    const error = await failure(transport(loopback.url).send(post()));
    expect(error.code).toBe('network');
    expect(error.outcome).toBe('unknown');
    expect(error.retryable).toBe(false);
    expect(loopback.requests).toHaveLength(1);
  });

  it('retries an idempotent request after a reset, signing each attempt afresh', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'reset-before-commit' } });
    const response = await transport(loopback.url).send(post({ idempotent: true }));
    expect(response.attempts).toBe(2);
    expect(loopback.requests.map((request) => JSON.parse(request.text).attempt)).toEqual([1, 2]);
  });

  it('retries even a POST when the connection was refused: it provably never arrived', async () => {
    const port = await closedPort();
    const attempts: number[] = [];
    const error = await failure(
      transport(`http://127.0.0.1:${port}`, { maxAttempts: 3 }).send(
        post({
          prepare: ({ attempt }) => {
            attempts.push(attempt);
            return { body: '{}', headers: {} };
          },
        }),
      ),
    );
    expect(error.code).toBe('network');
    expect(error.outcome).toBe('not_sent');
    expect(error.retryable).toBe(true);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('turns a slow answer into a timeout with outcome unknown, without retrying the write', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'latency', ms: 1_000 } });
    const started = Date.now();
    const error = await failure(transport(loopback.url, { timeoutMs: 150 }).send(post()));
    expect(error.code).toBe('timeout');
    expect(error.outcome).toBe('unknown');
    expect(Date.now() - started).toBeLessThan(900);
    expect(loopback.requests).toHaveLength(1);
  });

  it('stops at the overall deadline even when attempts would go on', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'latency', ms: 1_000 }, times: 10 });
    const started = Date.now();
    const error = await failure(
      transport(loopback.url, { timeoutMs: 200, deadlineMs: 300, maxAttempts: 10 }).send(
        post({ idempotent: true }),
      ),
    );
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(900);
    expect(loopback.requests.length).toBeLessThanOrEqual(2);
  });

  it('retries an idempotent request on 503 and returns a non-idempotent 503 as it is', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'status', status: 503 } });
    expect((await transport(loopback.url).send(post({ idempotent: true }))).status).toBe(200);
    loopback.injectFault({ fault: { kind: 'status', status: 503 } });
    expect((await transport(loopback.url).send(post())).status).toBe(503);
  });

  it('reports a caller abort after sending as unknown', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'latency', ms: 500 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(transport(loopback.url).send(post({ signal: controller.signal })));
    expect(error.outcome).toBe('unknown');
  });

  it('sends nothing when the caller aborted before the call', async () => {
    const loopback = await start();
    const controller = new AbortController();
    controller.abort();
    const error = await failure(transport(loopback.url).send(post({ signal: controller.signal })));
    expect(error.outcome).toBe('not_sent');
    expect(loopback.requests).toHaveLength(0);
  });

  it('uses an injected fetch', async () => {
    const seen: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return new Response('{"fake":true}', { status: 200 });
    };
    const response = await transport('https://provider.invalid', { fetch: fakeFetch }).send(post());
    expect(response.text).toBe('{"fake":true}');
    expect(seen).toEqual(['https://provider.invalid/refund']);
  });

  it('lets no configured secret reach hooks, errors, inspect or JSON output', async () => {
    const loopback = await start((request) => ({
      status: 200,
      headers: { 'x-echo': secret, 'content-type': 'application/json' },
      body: `{"echo":${JSON.stringify(request.text)},"secret":"${secret.toLowerCase()}"}`,
    }));
    const observed: unknown[] = [];
    const hooks = {
      onRequest: (event: unknown) => observed.push(event),
      onResponse: (event: unknown) => observed.push(event),
      onError: (event: unknown) => observed.push(event),
    };
    await transport(loopback.url, { hooks }).send(post());
    loopback.injectFault({ fault: { kind: 'reset-after-commit' } });
    const error = await failure(transport(loopback.url, { hooks }).send(post()));
    const surfaces = [
      JSON.stringify(observed),
      inspect(observed, { depth: 10 }),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      String(error),
      error.stack ?? '',
    ];
    expect(observed.length).toBeGreaterThanOrEqual(4);
    for (const surface of surfaces) {
      expect(surface).not.toContain(secret);
      expect(surface.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(JSON.stringify(observed)).toContain('[REDACTED]');
  });

  it('redacts only for the hooks that are set: a call without hooks does no redaction work', async () => {
    const loopback = await start();
    const redactor = createRedactor(() => [secret]);
    const asked: string[] = [];
    const counting = {
      ...redactor,
      body(input: string) {
        asked.push('body');
        return redactor.body(input);
      },
      headers(input: Parameters<typeof redactor.headers>[0]) {
        asked.push('headers');
        return redactor.headers(input);
      },
    };
    await transport(loopback.url, { redactor: counting }).send(post());
    expect(asked).toEqual([]);
    const seen: unknown[] = [];
    await transport(loopback.url, {
      redactor: counting,
      hooks: { onResponse: (event) => seen.push(JSON.stringify(event)) },
    }).send(post());
    expect(seen).toHaveLength(1);
    expect(asked.length).toBeGreaterThan(0);
  });

  it('redacts only what a hook reads, each field once per attempt (a status counter pays for no redaction)', async () => {
    const loopback = await start(() => ({ headers: { 'x-echo': secret }, body: `{"secret":"${secret}"}` }));
    const redactor = createRedactor(() => [secret]);
    const asked: string[] = [];
    const counting = {
      ...redactor,
      body(input: string) {
        asked.push(`body:${input.slice(0, 12)}`);
        return redactor.body(input);
      },
      headers(input: Parameters<typeof redactor.headers>[0]) {
        asked.push('headers');
        return redactor.headers(input);
      },
    };
    const statuses: number[] = [];
    await transport(loopback.url, {
      redactor: counting,
      hooks: { onResponse: (event) => statuses.push(event.status) },
    }).send(post());
    expect(statuses).toEqual([200]);
    expect(asked).toEqual([]);

    // Read by both hooks, the request's body is redacted once; what is read is redacted all the same.
    const bodies: string[] = [];
    let logged = '';
    await transport(loopback.url, {
      redactor: counting,
      hooks: {
        onRequest: (event) => bodies.push(event.body),
        onResponse: (event) => {
          bodies.push(event.body);
          logged = JSON.stringify(event);
        },
      },
    }).send(post());
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[0]).not.toContain(secret);
    expect(asked.filter((entry) => entry.startsWith('body:{"attempt"'))).toHaveLength(1);
    const event = JSON.parse(logged) as Record<string, unknown>;
    expect(Object.keys(event).sort()).toEqual(
      [
        'attempt',
        'body',
        'durationMs',
        'headers',
        'method',
        'provider',
        'responseBody',
        'responseHeaders',
        'status',
        'url',
      ].sort(),
    );
    expect(logged).not.toContain(secret);
    expect(logged).toContain('[REDACTED]');
  });

  it('ignores a hook that throws', async () => {
    const loopback = await start();
    const hooks = {
      onRequest: () => {
        throw new Error('logger broke');
      },
    };
    expect((await transport(loopback.url, { hooks }).send(post())).status).toBe(200);
  });
});
