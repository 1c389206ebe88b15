import type { DemoOrder } from '@refunds/core';

export interface SandboxBannerInput {
  url: string;
  apiKey: string;
  /** Where the key is kept, so the user can find it again after this banner has scrolled away. */
  apiKeyPath: string;
  /** The sandbox's data folder: its ledger and its key. */
  dataDirectory: string;
  demoOrders: ReadonlyMap<string, readonly DemoOrder[]>;
  /** The same orders as JSON, for scripts. */
  demoOrdersPath: string;
  warnings?: readonly string[];
  /** Production variables that are set and that sandbox mode ignores: named, never shown. */
  ignoredVariables?: readonly string[];
  /** A refund id no earlier run used. Default: one derived from the clock. */
  exampleRefundId?: string;
}

/**
 * What a new user sees first: the key (once: the examples read it from the shell, so it is not scattered over
 * the terminal's scrollback), the demo orders, and a request that works as printed.
 */
export function sandboxBanner(input: SandboxBannerInput): string {
  const { url, apiKey, demoOrders, warnings = [], ignoredVariables = [] } = input;
  const lines = [
    '',
    `refunds host, SANDBOX MODE, listening on ${url}`,
    `Every provider is simulated in this process; nothing reaches a real provider. Data: ${input.dataDirectory}`,
    '',
    `  export REFUNDS_API_KEY=${apiKey}`,
    `  (the sandbox's own key, kept in ${input.apiKeyPath})`,
    '',
  ];
  if (ignoredVariables.length > 0) {
    lines.push(
      `${ignoredVariables.join(' and ')} ${ignoredVariables.length === 1 ? 'is' : 'are'} set and ignored: ` +
        'sandbox mode uses only its own key and ledger.',
      '',
    );
  }
  lines.push(`Demo orders (also as request bodies in ${input.demoOrdersPath}):`);
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
      refundId: input.exampleRefundId ?? `demo-${Date.now().toString(36)}`,
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
      `    -H "Authorization: Bearer $REFUNDS_API_KEY" -H 'Content-Type: application/json' \\`,
      `    -d '${JSON.stringify(body)}'`,
      '',
      'Then see it settle (the sandboxes settle refunds after 3 s):',
      `  curl -s ${url}/v1/refunds/${body.refundId} -H "Authorization: Bearer $REFUNDS_API_KEY"`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
