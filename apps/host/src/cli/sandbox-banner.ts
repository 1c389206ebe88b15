import type { DemoOrder } from '@refunds/core';
import type { CliInvocation } from './cli-invocation';
import type { RefundRequestBody } from './refund-command';
import { refundCommandLine } from './refund-command-line';
import { shellQuote } from './shell-quote';

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
  /** How the person who started the host runs the CLI; the printed commands start with it. */
  cli: CliInvocation;
  warnings?: readonly string[];
  /** Production variables that are set and that sandbox mode ignores: named, never shown. */
  ignoredVariables?: readonly string[];
  /** The start of refund ids no earlier run used; `-1`, `-2`, ... is added per order. Default: from the clock. */
  exampleRefundId?: string;
}

/**
 * What a new user sees first: the key (once: the commands read it from the shell, so it is not scattered over
 * the terminal's scrollback), and each demo order with a refund command that works as printed, its
 * destination and provider options included, since most providers refuse a refund without them.
 */
export function sandboxBanner(input: SandboxBannerInput): string {
  const { url, apiKey, demoOrders, cli, warnings = [], ignoredVariables = [] } = input;
  const lines = [
    '',
    `refunds host, SANDBOX MODE, listening on ${url}`,
    `Every provider is simulated in this process; nothing reaches a real provider. Data: ${input.dataDirectory}`,
    '',
    'In another terminal:',
    ...(cli.directory === undefined ? [] : [`  cd ${shellQuote(cli.directory)}`]),
    `  export REFUNDS_URL=${url}`,
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
  lines.push(
    `Demo orders, each with a refund that works as printed (also as request bodies in ${input.demoOrdersPath}):`,
  );
  const base = input.exampleRefundId ?? `demo-${Date.now().toString(36)}`;
  const refundIds: string[] = [];
  for (const [account, orders] of demoOrders) {
    for (const order of orders) {
      const refundId = `${base}-${refundIds.length + 1}`;
      refundIds.push(refundId);
      const body: RefundRequestBody = {
        refundId,
        orderId: order.orderId,
        amount: order.amount,
        account,
        ...(order.destination ? { destination: order.destination } : {}),
        ...(order.providerOptions ? { providerOptions: order.providerOptions } : {}),
      };
      lines.push(
        '',
        `  ${account}  ${order.orderId}  ${order.amount.amount} ${order.amount.currency}  ${order.description}`,
        `    ${refundCommandLine(cli.command, body) ?? curlCommandLine(body)}`,
      );
    }
  }
  for (const warning of warnings) lines.push(`  (skipped: ${warning})`);
  if (refundIds.length > 0) {
    lines.push(
      '',
      'Then see one settle (the sandboxes settle refunds after 3 s):',
      `    ${cli.command} status ${shellQuote(refundIds[0] as string)}`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The request as curl sends it, for a body the CLI's options cannot say. */
function curlCommandLine(body: RefundRequestBody): string {
  return (
    `curl -s "$REFUNDS_URL/v1/refunds" -H "Authorization: Bearer $REFUNDS_API_KEY" ` +
    `-H 'Content-Type: application/json' -d ${shellQuote(JSON.stringify(body))}`
  );
}
