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
        [
          { orderId: 'GP-1', amount: { amount: '5.00', currency: 'USDT' }, description: 'a hoodie' },
          {
            orderId: 'GP-2',
            amount: { amount: '150', currency: 'USDT' },
            destination: { accountId: '100045201416523391' },
            providerOptions: { endpoint: 'convert', refundPayCurrency: 'BTC' },
            description: 'converted',
          },
        ],
      ],
      [
        'bonuspay:sandbox',
        [
          {
            orderId: 'M-3',
            amount: { amount: '0.050000', currency: 'ETH' },
            destination: { address: '0xc6a9b1ef', network: 'ETH' },
            description: 'a ticket',
          },
        ],
      ],
    ]),
    demoOrdersPath: '/srv/data/sandbox/demo-orders.json',
    cli: { command: 'pnpm refunds', directory: '/home/me/refunds' },
    ignoredVariables: ['REFUNDS_API_KEYS', 'DATABASE_URL'],
    exampleRefundId: 'demo-1',
  });

  it('prints the key exactly once, with the host to call; the commands read both from the shell', () => {
    expect(banner.split(apiKey)).toHaveLength(2);
    expect(banner).toContain(`  export REFUNDS_API_KEY=${apiKey}\n`);
    expect(banner).toContain('  export REFUNDS_URL=http://127.0.0.1:3000\n');
    expect(banner).toContain('  cd /home/me/refunds\n');
  });

  it('prints, under each demo order, a refund command with its destination and options and its own id', () => {
    expect(banner).toContain(
      '\n    pnpm refunds refund --refund-id demo-1-1 --order-id GP-1 --amount 5.00 --currency USDT ' +
        '--account gatepay:sandbox\n',
    );
    expect(banner).toContain(
      '\n    pnpm refunds refund --refund-id demo-1-2 --order-id GP-2 --amount 150 --currency USDT ' +
        '--account gatepay:sandbox --account-id 100045201416523391 --provider-option endpoint=convert ' +
        '--provider-option refundPayCurrency=BTC\n',
    );
    expect(banner).toContain(
      '\n    pnpm refunds refund --refund-id demo-1-3 --order-id M-3 --amount 0.050000 --currency ETH ' +
        '--account bonuspay:sandbox --address 0xc6a9b1ef --network ETH\n',
    );
    expect(banner).toContain('after 3 s):\n    pnpm refunds status demo-1-1\n');
  });

  it('falls back to curl for an order the CLI options cannot say', () => {
    const curl = sandboxBanner({
      url: 'http://127.0.0.1:3000',
      apiKey,
      apiKeyPath: '/k',
      dataDirectory: '/d',
      demoOrders: new Map([
        [
          'future:sandbox',
          [
            {
              orderId: 'F-1',
              amount: { amount: '1.00', currency: 'EUR' },
              destination: { memo: 'tag 7' } as never,
              description: 'a destination field the CLI has no option for',
            },
          ],
        ],
      ]),
      demoOrdersPath: '/d/demo-orders.json',
      cli: { command: 'refunds' },
      exampleRefundId: 'demo-9',
    });
    expect(curl).toContain(
      `    curl -s "$REFUNDS_URL/v1/refunds" -H "Authorization: Bearer $REFUNDS_API_KEY" ` +
        `-H 'Content-Type: application/json' -d '{"refundId":"demo-9-1","orderId":"F-1",` +
        `"amount":{"amount":"1.00","currency":"EUR"},"account":"future:sandbox","destination":{"memo":"tag 7"}}'\n`,
    );
    expect(curl).not.toContain('  cd ');
  });

  it('says it is a sandbox, where its data is, and which production variables it ignores', () => {
    expect(banner).toContain('SANDBOX MODE');
    expect(banner).toContain('/srv/data/sandbox/api-key');
    expect(banner).toContain('REFUNDS_API_KEYS and DATABASE_URL are set and ignored');
  });
});
