import type { RefundState, WebhookEventType } from './ledger';

const byState: Partial<Record<RefundState, WebhookEventType>> = {
  pending: 'refund.pending',
  succeeded: 'refund.succeeded',
  failed: 'refund.failed',
  needs_attention: 'refund.needs_attention',
};

/** The ledger event a person's decision on a refund in needs_attention is recorded as. */
export const resolvedEventType = 'resolved';

/**
 * The webhook a refund change is reported by, if any: a person's decision is `refund.resolved` (its `data.state`
 * says which way); otherwise a move into a state the merchant acts on. `sending` and `unknown` are the host's
 * own business, and a change that leaves the state as it was (a pending check that is still pending) tells
 * nothing new.
 */
export function webhookEventType(
  previous: RefundState,
  next: RefundState,
  ledgerEventType: string,
): WebhookEventType | undefined {
  if (ledgerEventType === resolvedEventType) return 'refund.resolved';
  if (previous === next) return undefined;
  return byState[next];
}
