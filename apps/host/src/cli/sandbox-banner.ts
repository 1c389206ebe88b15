import type { DemoOrder } from '@refunds/core';

export interface SandboxBannerInput {
  url: string;
  apiKey: string;
  demoOrders: ReadonlyMap<string, readonly DemoOrder[]>;
  warnings?: readonly string[];
}

/** What a new user sees first: the key, the demo orders, and a request that works as printed. */
export function sandboxBanner({ url, apiKey, demoOrders, warnings = [] }: SandboxBannerInput): string {
  const lines = ['', `refunds host, sandbox mode, listening on ${url}`, '', `API key: ${apiKey}`, ''];
  lines.push('Demo orders (each provider runs as a sandbox in this process):');
  let example: { account: string; order: DemoOrder } | undefined;
  for (const [account, orders] of demoOrders) {
    for (const order of orders) {
      example ??= { account, order };
      lines.push(
        `  ${account.padEnd(20)} ${order.orderId.padEnd(26)} ${order.amount.amount} ${order.amount.currency}  ${order.description}`,
      );
    }
  }
  for (const warning of warnings) lines.push(`  (skipped: ${warning})`);
  if (example) {
    const body = {
      refundId: `demo-${Date.now().toString(36)}`,
      orderId: example.order.orderId,
      amount: example.order.amount,
      account: example.account,
      ...(example.order.destination ? { destination: example.order.destination } : {}),
      ...(example.order.providerOptions ? { providerOptions: example.order.providerOptions } : {}),
    };
    lines.push(
      '',
      'Refund one:',
      `  curl -s ${url}/v1/refunds \\`,
      `    -H 'Authorization: Bearer ${apiKey}' -H 'Content-Type: application/json' \\`,
      `    -d '${JSON.stringify(body)}'`,
      '',
      'Then see it settle (the sandboxes settle refunds after 3 s):',
      `  curl -s ${url}/v1/refunds/${body.refundId} -H 'Authorization: Bearer ${apiKey}'`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
