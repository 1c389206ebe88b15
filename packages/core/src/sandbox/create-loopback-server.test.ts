import { afterEach, describe, expect, it } from 'vitest';
import { createLoopbackServer, type LoopbackServer } from './create-loopback-server';

let server: LoopbackServer | undefined;
let committed = 0;

afterEach(async () => {
  await server?.close();
  server = undefined;
  committed = 0;
});

async function start() {
  server = await createLoopbackServer({
    handle: (request) => {
      committed++;
      return {
        status: 200,
        headers: { 'x-sign': 'good' },
        body: `{"path":"${request.path}","body":${JSON.stringify(request.text)}}`,
      };
    },
    signature: {
      strip: (response) => ({ ...response, headers: {} }),
      tamper: (response) => ({ ...response, headers: { 'x-sign': 'forged' } }),
    },
  });
  return server;
}

const call = (url: string, path = '/x') =>
  fetch(`${url}${path}`, { method: 'POST', body: 'exact bytes', headers: { 'x-test': '1' } });

describe('createLoopbackServer', () => {
  it('serves on 127.0.0.1 and records the exact bytes and headers received', async () => {
    const loopback = await start();
    expect(loopback.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await call(loopback.url);
    expect(await response.json()).toEqual({ path: '/x', body: 'exact bytes' });
    expect(loopback.requests[0]?.headers.get('x-test')).toBe('1');
    expect(new TextDecoder().decode(loopback.requests[0]?.body)).toBe('exact bytes');
  });

  it('resets before the handler commits', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'reset-before-commit' } });
    await expect(call(loopback.url)).rejects.toThrow();
    expect(committed).toBe(0);
    expect(loopback.faultsFired).toBe(1);
  });

  it('resets after the handler committed', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'reset-after-commit' } });
    await expect(call(loopback.url)).rejects.toThrow();
    expect(committed).toBe(1);
  });

  it('answers a status without running the handler', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'status', status: 503, body: 'down' } });
    const response = await call(loopback.url);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('down');
    expect(committed).toBe(0);
  });

  it('delays the answer after committing', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'latency', ms: 200 } });
    const started = Date.now();
    await call(loopback.url);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(committed).toBe(1);
  });

  it('malforms, strips or tampers the answer of a committed request', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'malformed-body' } });
    await expect((await call(loopback.url)).json()).rejects.toThrow();
    loopback.injectFault({ fault: { kind: 'unsigned-body' } });
    expect((await call(loopback.url)).headers.get('x-sign')).toBeNull();
    loopback.injectFault({ fault: { kind: 'tampered-signature' } });
    expect((await call(loopback.url)).headers.get('x-sign')).toBe('forged');
    expect(committed).toBe(3);
  });

  it('applies a fault only to matching paths and only as many times as asked', async () => {
    const loopback = await start();
    loopback.injectFault({ fault: { kind: 'status', status: 500 }, path: '/refund', times: 2 });
    expect((await call(loopback.url, '/query')).status).toBe(200);
    expect((await call(loopback.url, '/refund')).status).toBe(500);
    expect((await call(loopback.url, '/refund')).status).toBe(500);
    expect((await call(loopback.url, '/refund')).status).toBe(200);
    loopback.injectFault({ fault: { kind: 'status', status: 500 }, times: 5 });
    loopback.clearFaults();
    expect((await call(loopback.url)).status).toBe(200);
  });
});
