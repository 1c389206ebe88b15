import type { RefundRequestBody } from './refund-command';
import { shellQuote } from './shell-quote';

/**
 * The `refunds refund` command line that sends this body, after `cli` (how this CLI is run, e.g. `pnpm
 * refunds`); undefined when the options cannot say it (a destination field or request field they do not
 * have), so the caller can fall back to curl rather than print a command that sends something else.
 */
export function refundCommandLine(cli: string, body: RefundRequestBody): string | undefined {
  const { refundId, orderId, amount, account, reason, destination = {}, providerOptions = {} } = body;
  const known = new Set([
    'refundId',
    'orderId',
    'amount',
    'account',
    'reason',
    'destination',
    'providerOptions',
  ]);
  if (Object.keys(body).some((key) => !known.has(key))) return undefined;
  const { address, network, accountId, ...otherDestination } = destination;
  if (Object.keys(otherDestination).length > 0) return undefined;
  // The refund command drops empty values, so an empty one would not be sent as written.
  const texts = [
    refundId,
    orderId,
    amount.amount,
    amount.currency,
    account,
    reason,
    address,
    network,
    accountId,
  ];
  if (texts.some((text) => text === '')) return undefined;
  const options: [string, string | undefined][] = [
    ['--refund-id', refundId],
    ['--order-id', orderId],
    ['--amount', amount.amount],
    ['--currency', amount.currency],
    ['--account', account],
    ['--reason', reason],
    ['--address', address],
    ['--network', network],
    ['--account-id', accountId],
  ];
  for (const [key, value] of Object.entries(providerOptions)) {
    // `--provider-option` splits at the first `=`.
    if (key === '' || key.includes('=') || value === undefined) return undefined;
    options.push(['--provider-option', `${key}=${providerOptionText(value)}`]);
  }
  return [
    cli,
    'refund',
    // A value that starts with `-` would be read as an option, so it is joined to its name with `=`.
    ...options.flatMap(([name, value]) =>
      value === undefined
        ? []
        : value.startsWith('-')
          ? [shellQuote(`${name}=${value}`)]
          : [name, shellQuote(value)],
    ),
  ].join(' ');
}

/**
 * What `--provider-option` reads back as this value: it takes JSON when the text is JSON, so a string that
 * would read as JSON (`"123"`, `"true"`) is written as a JSON string, and anything not a string as JSON.
 */
function providerOptionText(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  try {
    JSON.parse(value);
    return JSON.stringify(value);
  } catch {
    return value;
  }
}
