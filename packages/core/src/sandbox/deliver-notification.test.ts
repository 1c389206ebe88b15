import { afterEach, describe, expect, it } from 'vitest';
import { createLoopbackServer, type LoopbackServer } from './create-loopback-server';
import { deliverNotification } from './deliver-notification';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
});

describe('deliverNotification', () => {
  it('redelivers until the merchant acknowledges, with the exact body', async () => {
    let calls = 0;
    server = await createLoopbackServer({ handle: () => ({ body: ++calls < 3 ? 'FAIL' : 'SUCCESS' }) });
    const delivered = await deliverNotification({
      url: `${server.url}/notify`,
      headers: { 'content-type': 'application/json' },
      body: '{"n":1}',
      isAcknowledged: (status, body) => status === 200 && body === 'SUCCESS',
      retryDelaysMs: [5, 5, 5],
    });
    expect(delivered).toBe(true);
    expect(server.requests.map((request) => request.text)).toEqual(['{"n":1}', '{"n":1}', '{"n":1}']);
  });

  it('gives up after the schedule', async () => {
    server = await createLoopbackServer({ handle: () => ({ status: 500 }) });
    const delivered = await deliverNotification({
      url: server.url,
      headers: {},
      body: 'x',
      isAcknowledged: (status) => status === 200,
      retryDelaysMs: [1, 1],
    });
    expect(delivered).toBe(false);
    expect(server.requests).toHaveLength(3);
  });
});

describe('deliverNotification when stopped', () => {
  it('stops waiting for the next redelivery as soon as the signal aborts', async () => {
    const target = await createLoopbackServer({ handle: () => ({ status: 500 }) });
    const controller = new AbortController();
    const started = Date.now();
    const delivery = deliverNotification({
      url: target.url,
      headers: {},
      body: 'x',
      isAcknowledged: (status) => status === 200,
      retryDelaysMs: [10_000],
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    expect(await delivery).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    await target.close();
  });

  it('gives up on a merchant that does not answer within the attempt timeout', async () => {
    const target = await createLoopbackServer({ handle: () => ({ body: 'SUCCESS' }) });
    target.injectFault({ fault: { kind: 'latency', ms: 2_000 } });
    const delivered = await deliverNotification({
      url: target.url,
      headers: {},
      body: 'x',
      isAcknowledged: (_status, body) => body === 'SUCCESS',
      retryDelaysMs: [10],
      attemptTimeoutMs: 200,
    });
    expect(delivered).toBe(true);
    expect(target.requests).toHaveLength(2);
    await target.close();
  });
});
