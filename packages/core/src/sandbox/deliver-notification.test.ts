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
