import { formatAge } from '../operators/format-age';
import { type CliIo, processIo, requestHost } from './call-host';
import type { CliCommand } from './cli-command';
import { clientEnvironment } from './cli-environment';
import { readPositiveInteger } from './read-positive-integer';

export interface AttentionOptions {
  account?: string;
  /** At most this many refunds, oldest first. Default 50. */
  limit?: number;
  /** Print JSON (for scripts) instead of a table. */
  json?: boolean;
  now?: () => number;
}

interface RefundView {
  refundId: string;
  account: string;
  orderId: string;
  amount: { amount: string; currency: string };
  createdAt: string;
}

interface EventView {
  type: string;
  at: string;
  data: unknown;
}

/** `refunds attention`, as the CLI parses and explains it. */
export const attentionCommand: CliCommand = {
  name: 'attention',
  synopsis: ['attention [--account <id>] [--limit <n>] [--json]'],
  summary: 'The refunds in needs_attention, the longest-waiting first, with their age and the last evidence.',
  options: {
    account: { type: 'string', value: '<id>', description: 'only this account, e.g. gatepay:main' },
    limit: {
      type: 'string',
      value: '<n>',
      description: 'at most this many refunds (default 50, at most 1000)',
    },
    json: { type: 'boolean', description: 'print JSON, for scripts' },
  },
  examples: ['refunds attention', 'refunds attention --account coincorner:main --limit 10 --json'],
  environment: clientEnvironment,
  run({ values }, io) {
    const limit = readPositiveInteger('--limit', values.limit as string | undefined, {
      maximum: 1_000,
      unit: 'refunds',
    });
    return listAttention(
      {
        json: values.json === true,
        ...(values.account ? { account: values.account as string } : {}),
        ...(limit === undefined ? {} : { limit }),
      },
      io,
    );
  },
};

/**
 * `refunds attention`: the refunds waiting for a person, the longest-waiting first, each with its age and the
 * evidence that handed it over (the reason of its last `needs_attention` event).
 */
export async function listAttention(options: AttentionOptions, io: CliIo = processIo): Promise<number> {
  const limit = options.limit ?? 50;
  const refunds: RefundView[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({
      state: 'needs_attention',
      order: 'oldest',
      limit: String(Math.min(100, limit - refunds.length)),
      ...(options.account ? { account: options.account } : {}),
      ...(cursor ? { cursor } : {}),
    });
    const page = await requestHost('GET', `/v1/refunds?${query}`, undefined, io);
    if (!page.ok) return fail(page.text, io);
    const body = page.body as { refunds: RefundView[]; nextCursor: string | null };
    refunds.push(...body.refunds);
    cursor = body.nextCursor ?? undefined;
  } while (cursor && refunds.length < limit);

  const now = options.now?.() ?? Date.now();
  const rows = [];
  for (const refund of refunds) {
    const answer = await requestHost(
      'GET',
      `/v1/refunds/${encodeURIComponent(refund.refundId)}/events`,
      undefined,
      io,
    );
    if (!answer.ok) return fail(answer.text, io);
    const events = (answer.body as { events: EventView[] }).events;
    const handedOver = events.filter((event) => event.type === 'needs_attention').at(-1);
    rows.push({
      ...refund,
      age: formatAge(now - Date.parse(refund.createdAt)),
      waitingSince: handedOver?.at ?? null,
      evidence: describeEvidence(handedOver?.data),
    });
  }

  if (options.json) {
    io.write(`${JSON.stringify({ refunds: rows }, null, 2)}\n`);
    return 0;
  }
  if (rows.length === 0) {
    io.write('No refund needs attention.\n');
    return 0;
  }
  io.write(
    `${rows.length === 1 ? '1 refund needs' : `${rows.length} refunds need`} attention, oldest first:\n\n`,
  );
  io.write(
    table([
      ['REFUND', 'ACCOUNT', 'ORDER', 'AMOUNT', 'AGE', 'EVIDENCE'],
      ...rows.map((row) => [
        row.refundId,
        row.account,
        row.orderId,
        `${row.amount.amount} ${row.amount.currency}`,
        row.age,
        row.evidence,
      ]),
    ]),
  );
  io.write(
    '\nLook with `refunds events <id>`, then `refunds resolve <id> --state succeeded|failed --reason "..."`,\n' +
      'or `refunds resend <id> --reason "..."` (sent again only if the provider shows no such refund).\n',
  );
  return 0;
}

function describeEvidence(data: unknown): string {
  if (data === undefined) return '(no needs_attention event)';
  const reason =
    typeof data === 'object' && data !== null && 'reason' in data
      ? (data as { reason: unknown }).reason
      : data;
  return typeof reason === 'string' ? reason : JSON.stringify(reason);
}

/** Columns padded to their widest cell; the last one (the evidence) is left to run on. */
function table(rows: readonly string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join('  '),
    )
    .join('\n')
    .concat('\n');
}

function fail(text: string, io: CliIo): number {
  io.write(`${text}\n`);
  return 1;
}
