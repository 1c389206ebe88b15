import type { RefundEvent } from '../ledger/ledger';

const longest = 160;

/**
 * One line for a refund's latest event: what happened and, when the event says, why — the handover's reason, a
 * failure's message, a status seen. What an operator scans the attention list for before opening a refund.
 */
export function lastEvidence(events: readonly RefundEvent[]): string | undefined {
  const event = events.at(-1);
  if (!event) return undefined;
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<
    string,
    unknown
  >;
  const detail = [data.reason, data.because, data.message, data.status].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  const line = detail ? `${event.type}: ${detail}` : event.type;
  return line.length > longest ? `${line.slice(0, longest - 1)}…` : line;
}
