import { describe, expect, it } from 'vitest';
import { sandboxBanner } from './sandbox-banner';

const apiKey = `sk_sandbox_${'k'.repeat(43)}`;

describe('sandboxBanner', () => {
  const banner = sandboxBanner({
    url: 'http://127.0.0.1:3000',
    apiKey,
    apiKeyPath: '/srv/data/sandbox/api-key',
    dataDirectory: '/srv/data/sandbox',
    demoOrders: new Map([
      [
        'gatepay:sandbox',
        [{ orderId: 'GP-1', amount: { amount: '5.00', currency: 'USDT' }, description: 'a hoodie' }],
      ],
    ]),
    demoOrdersPath: '/srv/data/sandbox/demo-orders.json',
    ignoredVariables: ['REFUNDS_API_KEYS', 'DATABASE_URL'],
    exampleRefundId: 'demo-1',
  });

  it('prints the key exactly once; the examples read it from the shell', () => {
    expect(banner.split(apiKey)).toHaveLength(2);
    expect(banner).toContain(`export REFUNDS_API_KEY=${apiKey}`);
    expect(banner).toContain('-H "Authorization: Bearer $REFUNDS_API_KEY"');
    expect(banner).toContain('"refundId":"demo-1","orderId":"GP-1"');
  });

  it('says it is a sandbox, where its data is, and which production variables it ignores', () => {
    expect(banner).toContain('SANDBOX MODE');
    expect(banner).toContain('/srv/data/sandbox/api-key');
    expect(banner).toContain('REFUNDS_API_KEYS and DATABASE_URL are set and ignored');
  });
});
