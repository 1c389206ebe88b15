import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHost, startSandboxHost, testApiKey } from '../../test/support/start-sandbox-host';
import type { NamedApiKey } from './api-keys';

const viewer: NamedApiKey = { name: 'scraper', role: 'viewer', secret: 'sk_test_viewer_scraper_81c0e4a7d2' };

describe('/metrics', () => {
  let harness: SandboxHost;
  let publicMetrics: SandboxHost;
  beforeAll(async () => {
    [harness, publicMetrics] = await Promise.all([
      startSandboxHost({ apiKeys: [testApiKey, viewer] }),
      startSandboxHost({ metricsPublic: true }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([harness?.close(), publicMetrics?.close()]);
  });

  it('needs an API key by default: its labels name the accounts', async () => {
    const response = await fetch(`${harness.url}/metrics`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const text = await response.text();
    expect(text).not.toContain('gatepay:sandbox');
    expect(text).not.toContain('refunds_');
  });

  it('answers any role, a viewer included', async () => {
    const response = await fetch(`${harness.url}/metrics`, {
      headers: { authorization: `Bearer ${viewer.secret}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toContain('# TYPE refunds_in_flight gauge');
  });

  it('is public when the operator says so (metricsPublic, REFUNDS_METRICS_PUBLIC=true)', async () => {
    const response = await fetch(`${publicMetrics.url}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('# TYPE refunds_in_flight gauge');
  });

  it('keeps health and readiness public either way', async () => {
    for (const path of ['/healthz', '/readyz']) {
      expect((await fetch(`${harness.url}${path}`)).status, path).toBe(200);
    }
  });
});
