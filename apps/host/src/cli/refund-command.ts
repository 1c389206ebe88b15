import { callHost } from './call-host';
import type { CliCommand, ParsedArguments } from './cli-command';
import { clientEnvironment } from './cli-environment';

/** The `POST /v1/refunds` body the refund command sends. */
export interface RefundRequestBody {
  refundId: string;
  orderId: string;
  amount: { amount: string; currency: string };
  account?: string;
  reason?: string;
  destination?: { address?: string; network?: string; accountId?: string };
  providerOptions?: Record<string, unknown>;
}

/** `refunds refund`: one refund request to the running host. */
export const refundCommand: CliCommand = {
  name: 'refund',
  synopsis: [
    'refund --refund-id <id> --order-id <id> --amount <decimal> --currency <code> [--account <id>]',
    '       [--reason <text>] [--address <address>] [--network <network>] [--account-id <id>]',
    '       [--provider-option <key>=<value> ...]',
  ],
  summary:
    'Refund a payment. --address/--network (crypto payouts) and --account-id form the destination the ' +
    'provider pays back to; --provider-option sets one providerOptions entry. Sending the same --refund-id ' +
    'again returns the same refund, never a second one.',
  options: {
    'refund-id': { type: 'string', value: '<id>', description: 'your id for this refund (required)' },
    'order-id': { type: 'string', value: '<id>', description: "the provider's order id (required)" },
    amount: { type: 'string', value: '<decimal>', description: 'how much to refund, e.g. 25.00 (required)' },
    currency: { type: 'string', value: '<code>', description: 'the currency of the amount (required)' },
    account: {
      type: 'string',
      value: '<id>',
      description: 'the provider account, e.g. gatepay:main (default: the routes of the config)',
    },
    reason: { type: 'string', value: '<text>', description: 'why, kept with the refund' },
    address: { type: 'string', value: '<address>', description: 'the crypto address to pay back to' },
    network: { type: 'string', value: '<network>', description: "the address's network, e.g. TRON" },
    'account-id': { type: 'string', value: '<id>', description: "the payer's account at the provider" },
    'provider-option': {
      type: 'string',
      multiple: true,
      value: '<key>=<value>',
      description: 'one providerOptions entry; the value as JSON when it is JSON (a number, true), else text',
    },
  },
  examples: [
    'refunds refund --refund-id r-1042 --order-id 1796603919932000001 --amount 25.00 --currency USDT ' +
      '--account gatepay:main',
    'refunds refund --refund-id r-1043 --order-id M239660392009400001 --amount 10.00 --currency USDT ' +
      '--account bonuspay:main --address TWmgkk1rvLeLF67gipB38ECb1xyd9QkpAe --network TRON',
  ],
  environment: clientEnvironment,
  run: ({ values }, io) => callHost('POST', '/v1/refunds', refundRequestBody(values), io),
};

/** The request body from the parsed options; throws naming every required option that is missing. */
export function refundRequestBody(values: ParsedArguments['values']): RefundRequestBody {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const missing = ['refund-id', 'order-id', 'amount', 'currency'].filter((name) => text(name) === undefined);
  if (missing.length > 0) {
    throw new Error(
      `refund needs ${missing.map((name) => `--${name}`).join(', ')} (see \`refunds refund --help\`)`,
    );
  }
  const address = text('address');
  const network = text('network');
  const accountId = text('account-id');
  const destination = {
    ...(address ? { address } : {}),
    ...(network ? { network } : {}),
    ...(accountId ? { accountId } : {}),
  };
  const providerOptions = readProviderOptions((values['provider-option'] as string[] | undefined) ?? []);
  const account = text('account');
  const reason = text('reason');
  return {
    refundId: text('refund-id') as string,
    orderId: text('order-id') as string,
    amount: { amount: text('amount') as string, currency: text('currency') as string },
    ...(account ? { account } : {}),
    ...(reason ? { reason } : {}),
    ...(Object.keys(destination).length > 0 ? { destination } : {}),
    ...(providerOptions ? { providerOptions } : {}),
  };
}

/** `--provider-option key=value`, repeatable: the value as JSON when it is JSON (a number, true), else text. */
function readProviderOptions(entries: readonly string[]): Record<string, unknown> | undefined {
  if (entries.length === 0) return undefined;
  const options: Record<string, unknown> = {};
  for (const entry of entries) {
    const split = entry.indexOf('=');
    if (split <= 0) throw new Error(`--provider-option takes key=value, got "${entry}"`);
    const text = entry.slice(split + 1);
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {}
    options[entry.slice(0, split)] = value;
  }
  return options;
}
