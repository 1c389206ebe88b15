import type { Ledger, RefundRecord } from '../ledger/ledger';
import { HostError } from '../refunds/host-error';
import { requiredReason } from './required-reason';

export interface ResolveRefundInput {
  refundId: string;
  /** What the person established with the provider. */
  state: 'succeeded' | 'failed';
  /** Why, in the person's words: kept in the refund's history. */
  reason: string;
  providerRefundId?: string;
  /** The API key's name that asked. */
  actor: string;
}

/**
 * A person decides a refund the host handed over. Only from `needs_attention`: anything else is still the
 * reconciler's, or already final. A CoinCorner refund resolved `failed` frees its order, because only a failed
 * refund does not block a second one.
 */
export async function resolveRefund(ledger: Ledger, input: ResolveRefundInput): Promise<RefundRecord> {
  const reason = requiredReason(input.reason);
  const resolved = await ledger.transition(input.refundId, {
    from: ['needs_attention'],
    patch: {
      state: input.state,
      providerStatus: input.state,
      ...(input.providerRefundId ? { providerRefundId: input.providerRefundId } : {}),
      failure:
        input.state === 'failed'
          ? { code: 'resolved_failed', message: `Resolved as failed: ${reason}` }
          : null,
      // A person's word, not the provider's: never "not sent", so the id is not sent again.
      failureOutcome: input.state === 'failed' ? 'rejected' : null,
      nextCheckAt: null,
      leaseOwner: null,
      leaseUntil: null,
    },
    event: {
      type: 'resolved',
      data: {
        actor: input.actor,
        reason,
        state: input.state,
        ...(input.providerRefundId ? { providerRefundId: input.providerRefundId } : {}),
      },
    },
  });
  if (resolved) return resolved;
  const current = await ledger.getRefund(input.refundId);
  if (!current) throw new HostError(404, 'refund_not_found', `No refund with id ${input.refundId}.`);
  throw new HostError(
    409,
    'refund_not_in_attention',
    `Refund ${input.refundId} is ${current.state}; only a refund in needs_attention can be resolved.`,
  );
}
