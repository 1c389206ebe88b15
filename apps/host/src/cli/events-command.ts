import { type CliIo, processIo, requestHost } from './call-host';
import type { CliCommand } from './cli-command';
import { clientEnvironment } from './cli-environment';
import { requireRefundId } from './require-refund-id';

/** `refunds events <refundId>`, as the CLI parses and explains it. */
export const eventsCommand: CliCommand = {
  name: 'events',
  synopsis: ['events <refundId> [--json]'],
  summary: "The refund's history, one event a line: when, what, who (the API key's name) and the evidence.",
  positionals: { '<refundId>': 'the id the refund was created with' },
  options: { json: { type: 'boolean', description: "print the host's JSON, for scripts" } },
  examples: ['refunds events r-1042', 'refunds events r-1042 --json'],
  environment: clientEnvironment,
  run: ({ values, positionals }, io) =>
    printEvents(requireRefundId('events', positionals), { json: values.json === true }, io),
};

/**
 * `refunds events <id>`: the refund's history, one event a line (when, what, who, and its data), or the
 * host's JSON with `--json`.
 */
export async function printEvents(
  refundId: string,
  options: { json?: boolean },
  io: CliIo = processIo,
): Promise<number> {
  const answer = await requestHost(
    'GET',
    `/v1/refunds/${encodeURIComponent(refundId)}/events`,
    undefined,
    io,
  );
  if (!answer.ok || options.json) {
    io.write(`${answer.ok ? JSON.stringify(answer.body, null, 2) : answer.text}\n`);
    return answer.ok ? 0 : 1;
  }
  const events = (answer.body as { events: { type: string; at: string; data: unknown }[] }).events;
  const width = Math.max(0, ...events.map((event) => event.type.length));
  for (const event of events) {
    const { actor, ...rest } =
      typeof event.data === 'object' && event.data !== null && !Array.isArray(event.data)
        ? (event.data as Record<string, unknown>)
        : { actor: undefined, data: event.data };
    const by = typeof actor === 'string' ? `  by ${actor}` : '';
    io.write(`${event.at}  ${event.type.padEnd(width)}${by}  ${JSON.stringify(rest)}\n`);
  }
  return 0;
}
