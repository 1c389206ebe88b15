import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHost, startSandboxHost } from '../../test/support/start-sandbox-host';
import { methodNotAllowed } from './method-not-allowed';

describe('methodNotAllowed over HTTP', () => {
  let harness: SandboxHost;
  beforeAll(async () => {
    harness = await startSandboxHost();
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  const send = (method: string, path: string, authorized = true) =>
    fetch(`${harness.url}${path}`, {
      method,
      headers: authorized ? { authorization: `Bearer ${harness.apiKey}` } : {},
    });

  it('answers PUT and DELETE on a refund with 405 and the methods the path takes', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await send(method, '/v1/refunds/r-1');
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expect(await response.json()).toEqual({
        error: {
          code: 'method_not_allowed',
          message: `${method} is not allowed here; this path takes GET, HEAD.`,
        },
      });
    }
    const collection = await send('DELETE', '/v1/refunds');
    expect(collection.status).toBe(405);
    expect(collection.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('answers HEAD wherever GET is answered', async () => {
    expect((await send('HEAD', '/healthz', false)).status).toBe(200);
    expect((await send('HEAD', '/v1/refunds')).status).toBe(200);
  });

  it('says so before asking for a key: which methods a path takes is public', async () => {
    const response = await send('PUT', '/v1/refunds/r-1', false);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('keeps 404 for paths the host does not serve, with or without a valid key', async () => {
    for (const path of ['/v1/nothing', '/v1/refunds/r-1/nothing', '/v2/refunds']) {
      const response = await send('PUT', path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('allow'), path).toBeNull();
    }
  });

  it('answers every served route with 405 for every method it does not take, and lets its own through', async () => {
    const byPath = new Map<string, Set<string>>();
    for (const route of harness.host.app.routes) {
      if (route.method === 'ALL') continue;
      const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
        name === 'account' ? 'gatepay:sandbox' : 'r-1',
      );
      byPath.set(path, (byPath.get(path) ?? new Set()).add(route.method));
    }
    expect(byPath.size).toBeGreaterThan(10);
    for (const [path, methods] of byPath) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        const response = await send(method, path);
        await response.arrayBuffer();
        if (methods.has(method)) {
          expect(response.status, `${method} ${path}`).not.toBe(405);
        } else {
          expect(response.status, `${method} ${path}`).toBe(405);
          const allow = response.headers.get('allow')?.split(', ') ?? [];
          expect(allow, `${method} ${path}`).toEqual(expect.arrayContaining([...methods]));
        }
      }
    }
  });
});

describe('methodNotAllowed', () => {
  const appWith = (register: (app: Hono) => void) => {
    const app = new Hono();
    app.use(
      '*',
      methodNotAllowed(() => app.routes),
    );
    register(app);
    return app;
  };

  it('reads parameters with their own pattern, and leaves routes taking every method alone', async () => {
    const app = appWith((app) => {
      app.get('/items/:id{[0-9]+}', (context) => context.text('item'));
      app.all('/anything', (context) => context.text('any'));
    });
    expect((await app.request('/items/12', { method: 'POST' })).status).toBe(405);
    expect((await app.request('/items/abc', { method: 'POST' })).status).toBe(404);
    expect((await app.request('/anything', { method: 'DELETE' })).status).toBe(200);
  });

  it('treats a dot in a path as a dot, not as any character', async () => {
    const app = appWith((app) => app.get('/openapi.json', (context) => context.text('{}')));
    expect((await app.request('/openapi.json', { method: 'POST' })).status).toBe(405);
    expect((await app.request('/openapiXjson', { method: 'POST' })).status).toBe(404);
  });
});
