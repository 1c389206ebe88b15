import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { limitBodySize } from './limit-body-size';
import { readBodyText } from './read-body-text';

type Served = { url: string; close(): Promise<void> };
let served: Served | undefined;

afterEach(async () => {
  await served?.close();
  served = undefined;
});

/** Whether @hono/node-server has built the web Request behind `c.req.raw` (it keeps it under this symbol). */
const builtWebRequest = (context: Context) =>
  Object.getOwnPropertySymbols(context.req.raw).some(
    (symbol) => symbol.description === 'requestCache' && (context.req.raw as never)[symbol] !== undefined,
  );

/** The app on a real Node server on loopback, as `refunds serve` runs it. */
async function serveApp(app: Hono): Promise<Served> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

function echoApp(before?: (context: Context) => void) {
  const app = new Hono();
  app.use(
    '*',
    limitBodySize(64, (context) => context.text('too large', 413)),
  );
  app.post('/echo', async (context) => {
    before?.(context);
    const text = await readBodyText(context);
    return context.json({ text, webRequest: builtWebRequest(context) });
  });
  return app;
}

const post = (url: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${url}/echo`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readBodyText', () => {
  it('reads the body straight from the socket, decoded as Request.text() does, without a web Request', async () => {
    served = await serveApp(echoApp());
    const body = '\uFEFF{"reason":"Rückerstattung – 返金"}';
    const response = await post(served.url, new TextEncoder().encode(body));
    expect(await response.json()).toEqual({
      text: await new Request('http://x', { method: 'POST', body }).text(),
      webRequest: false,
    });
  });

  it('reads through c.req once something else has started on the body', async () => {
    served = await serveApp(
      echoApp((context) => {
        void context.req.raw.body;
      }),
    );
    const response = await post(served.url, '{"a":1}');
    expect(await response.json()).toEqual({ text: '{"a":1}', webRequest: true });
  });

  it('reads through c.req without a Node server (app.request)', async () => {
    const response = await echoApp().request('/echo', { method: 'POST', body: '{"a":2}' });
    expect(await response.json()).toEqual({ text: '{"a":2}', webRequest: false });
  });
});

describe('limitBodySize', () => {
  it('refuses a declared length over the limit before reading, and counts a body sent without one', async () => {
    served = await serveApp(echoApp());
    expect((await post(served.url, 'x'.repeat(65))).status).toBe(413);
    const chunked = new ReadableStream({
      start(controller) {
        for (let chunk = 0; chunk < 5; chunk++) controller.enqueue(new TextEncoder().encode('y'.repeat(16)));
        controller.close();
      },
    });
    expect((await post(served.url, chunked)).status).toBe(413);
    const small = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"b":3}'));
        controller.close();
      },
    });
    const response = await post(served.url, small);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { text: string }).text).toBe('{"b":3}');
    expect((await post(served.url, 'x'.repeat(64))).status).toBe(200);
  });
});
