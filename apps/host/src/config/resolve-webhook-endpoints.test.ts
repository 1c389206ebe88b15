import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HostConfig } from './host-config';
import { HostConfigError } from './host-config-error';
import { resolveWebhookEndpoints } from './resolve-webhook-endpoints';

const secret = `whsec_${randomBytes(32).toString('base64')}`;

const config = (secrets: HostConfig['webhooks']): HostConfig => ({
  accounts: {},
  routes: [],
  webhooks: secrets,
});

describe('resolveWebhookEndpoints', () => {
  it('reads each secret from the environment or a file', async () => {
    const endpoints = await resolveWebhookEndpoints(
      config({
        endpoints: [
          {
            id: 'shop',
            url: 'https://shop.example/hooks',
            secret: { env: 'SHOP_SECRET' },
            events: ['refund.failed'],
          },
          { id: 'audit', url: 'http://127.0.0.1:9/in', secret: { file: '/run/secrets/audit' } },
        ],
      }),
      {
        environment: { SHOP_SECRET: secret },
        readFile: async (path) =>
          path === '/run/secrets/audit' ? `${secret}\n` : Promise.reject(new Error()),
      },
    );
    expect(endpoints).toEqual([
      { id: 'shop', url: 'https://shop.example/hooks', secret, events: ['refund.failed'] },
      { id: 'audit', url: 'http://127.0.0.1:9/in', secret, events: undefined },
    ]);
  });

  it('refuses at start a missing secret and one that is not whsec_ with 24 to 64 bytes, never showing it', async () => {
    const short = `whsec_${randomBytes(8).toString('base64')}`;
    const error = await resolveWebhookEndpoints(
      config({
        endpoints: [
          { id: 'shop', url: 'https://shop.example/hooks', secret: { env: 'SHOP_SECRET' } },
          { id: 'short', url: 'https://shop.example/hooks', secret: { env: 'SHORT_SECRET' } },
          { id: 'plain', url: 'https://shop.example/hooks', secret: { env: 'PLAIN_SECRET' } },
        ],
      }),
      { environment: { SHORT_SECRET: short, PLAIN_SECRET: 'correct horse battery staple, long enough' } },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostConfigError);
    const { problems } = error as HostConfigError;
    expect(problems.map((problem) => problem.field)).toEqual([
      'webhooks.endpoints.0.secret',
      'webhooks.endpoints.1.secret',
      'webhooks.endpoints.2.secret',
    ]);
    expect(problems[0]?.message).toBe('webhook endpoint shop: environment variable SHOP_SECRET is not set');
    expect(problems[1]?.message).toMatch(/^webhook endpoint short: the secret must be "whsec_" followed by/);
    expect(problems[2]?.message).toMatch(/^webhook endpoint plain: the secret must be "whsec_"/);
    expect((error as Error).message).not.toContain(short.slice(6));
    expect((error as Error).message).not.toContain('horse');
  });

  it('has nothing to resolve without webhooks', async () => {
    expect(await resolveWebhookEndpoints(config(undefined), { environment: {} })).toEqual([]);
  });
});
