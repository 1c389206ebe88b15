import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHost, startSandboxHost } from '../../test/support/start-sandbox-host';

// Debian's Chromium, as the console's browser test uses it; CI sets CHROMIUM_PATH, so there it never skips.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserMissing = process.env.CHROMIUM_PATH === undefined && !existsSync(executablePath);

describe('API docs', () => {
  let harness: SandboxHost;
  beforeAll(async () => {
    harness = await startSandboxHost();
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('serves /openapi.json without a key, describing every route', async () => {
    const response = await fetch(`${harness.url}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/docs',
        '/healthz',
        '/metrics',
        '/openapi.json',
        '/readyz',
        '/v1/accounts',
        '/v1/counts',
        '/v1/notifications/{account}',
        '/v1/refunds',
        '/v1/refunds/{refundId}',
        '/v1/refunds/{refundId}/deliveries',
        '/v1/refunds/{refundId}/events',
        '/v1/refunds/{refundId}/resend',
        '/v1/refunds/{refundId}/resolve',
        '/v1/refunds/{refundId}/sync',
        '/v1/webhook-deliveries/{deliveryId}/redeliver',
      ].sort(),
    );
    expect(Object.keys(document.paths['/v1/refunds/{refundId}/resolve']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '401', '403', '409', '422']),
    );
    expect(document.components.schemas).toHaveProperty('ResolveRefund');
    expect(document.components.schemas).toHaveProperty('RefundCounts');
    const list = document.paths['/v1/refunds']?.get as unknown as { parameters: { name: string }[] };
    const parameters = list.parameters;
    expect(parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['createdFrom', 'createdTo', 'order', 'limit', 'cursor', 'state']),
    );
  });

  it('every route the app answers is in the document, and no documented route is missing', async () => {
    const document = (await (await fetch(`${harness.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const served = harness.host.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path}`)
      // The console is a set of pages and the docs page's files are static assets, not API.
      .filter((route) => !route.includes('/console') && !route.includes('/docs/assets/'));
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
  });

  it('serves /docs without a key, with Swagger UI from the host itself and nothing loaded from elsewhere', async () => {
    const response = await fetch(`${harness.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).not.toMatch(/https?:\/\//);
    const sources = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const source of sources) {
      const asset = await fetch(`${harness.url}${source}`);
      expect(asset.status, source).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, source).toBeGreaterThan(0);
    }
    expect((await fetch(`${harness.url}/docs/assets/package.json`)).status).toBe(404);
  });

  it.skipIf(browserMissing)(
    'renders every operation in Chromium',
    async () => {
      const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        await page.goto(`${harness.url}/docs`);
        await page.waitForSelector('.opblock-summary-path', { timeout: 20_000 });
        const paths = await page.locator('.opblock-summary-path').allTextContents();
        expect(paths.map((path) => path.replace(/\u200b/g, ''))).toEqual(
          expect.arrayContaining([
            '/v1/refunds/{refundId}/resolve',
            '/v1/refunds/{refundId}/resend',
            '/v1/counts',
          ]),
        );
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
