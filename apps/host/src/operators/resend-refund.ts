import { RefundError } from '@refunds/core';
import type { RefundRecord } from '../ledger/ledger';
import { HostError } from '../refunds/host-error';
import { failurePatch, resultPatch } from '../refunds/outcome-patch';
import type { ReconcileContext } from '../refunds/reconcile-refund';
import { requiredReason } from './required-reason';

export interface ResendRefundInput {
  refundId: string;
  reason: string;
  /** The API key's name that asked. */
  actor: string;
}

export type ResendOutcome =
  | { resent: true; refund: RefundRecord }
  /** The provider shows the refund: nothing was sent, and what it showed is recorded. */
  | { resent: false; refund: RefundRecord; evidence: unknown };

/**
 * A person asks to send a refund in `needs_attention` again under its own id. In one request, under the
 * reconciler's lease: the provider is asked first, and the refund is sent again only if the provider shows no
 * such refund. What the provider showed otherwise is recorded and returned, and nothing is sent.
 */
export async function resendRefund(
  context: ReconcileContext,
  input: ResendRefundInput,
): Promise<ResendOutcome> {
  const { ledger, instanceId } = context;
  const reason = requiredReason(input.reason);
  const refund = await ledger.getRefund(input.refundId);
  if (!refund) throw new HostError(404, 'refund_not_found', `No refund with id ${input.refundId}.`);
  if (refund.state !== 'needs_attention') {
    throw new HostError(
      409,
      'refund_not_in_attention',
      `Refund ${input.refundId} is ${refund.state}; only a refund in needs_attention can be resent.`,
    );
  }
  const account = context.accounts.get(refund.account);
  if (!account) {
    throw new HostError(
      409,
      'account_not_configured',
      `Refund ${input.refundId} belongs to account ${refund.account}, which this host does not serve.`,
    );
  }
  const claimed = await ledger.claimRefund(refund.refundId, instanceId, {
    now: new Date(),
    leaseMs: context.leaseMs,
    accounts: [refund.account],
  });
  if (claimed?.state !== 'needs_attention') {
    throw new HostError(
      409,
      'refund_busy',
      `Refund ${input.refundId} is being worked on; try again shortly.`,
    );
  }
  const release = { leaseOwner: null, leaseUntil: null };
  /** Gives the refund back to the person, with why nothing was sent. */
  const refuse = (data: Record<string, unknown>) =>
    ledger.transition(refund.refundId, {
      from: ['needs_attention'],
      leaseOwner: instanceId,
      patch: release,
      event: { type: 'resend_refused', data: { actor: input.actor, reason, ...data } },
    });
  // One deadline for the lookup and the send, ending before the lease does.
  const signal = AbortSignal.timeout(Math.max(1_000, context.leaseMs - 5_000));
  const { provider } = account;
  let shown: Awaited<ReturnType<typeof provider.getRefund>> | undefined;
  try {
    shown = await provider.getRefund(
      { refundId: refund.refundId, orderId: refund.orderId, providerRefundId: refund.providerRefundId },
      { signal },
    );
  } catch (error) {
    if (!(RefundError.isInstance(error) && error.code === 'not_found' && error.outcome === 'rejected')) {
      // The provider could not be asked: nothing is sent on a guess.
      await refuse({ because: 'the provider could not be asked', error: String(error) });
      throw new HostError(
        503,
        'provider_unreachable',
        `Could not ask ${provider.provider} whether refund ${input.refundId} exists, so it was not sent: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (shown) {
    // Recorded as evidence only: the refund stays with the person, who resolves it with what they now know
    // (the reason it was handed over, a currency mismatch say, still holds).
    const outcome = resultPatch(shown, new Date(), 'resend_refused');
    const recorded = await refuse({ because: 'the provider shows this refund', shown: outcome.event.data });
    return { resent: false, refund: recorded ?? claimed, evidence: outcome.event.data };
  }
  const sending = await ledger.transition(refund.refundId, {
    from: ['needs_attention'],
    leaseOwner: instanceId,
    patch: { state: 'unknown', resends: refund.resends + 1, sentAt: new Date(), notFoundAt: null },
    event: {
      type: 'resending',
      data: { actor: input.actor, reason, because: 'the provider shows no such refund' },
    },
  });
  if (!sending)
    throw new HostError(409, 'refund_busy', `Refund ${input.refundId} moved meanwhile; look at it again.`);
  let outcome: ReturnType<typeof resultPatch>;
  try {
    outcome = resultPatch(
      await provider.refund(refund.request, { signal, resend: true }),
      new Date(),
      'provider_accepted',
    );
  } catch (error) {
    outcome = failurePatch(error, new Date(), 'resend_failed', 'resend');
  }
  const recorded = await ledger.transition(refund.refundId, {
    from: ['unknown'],
    leaseOwner: instanceId,
    patch: { ...outcome.patch, ...release },
    event: outcome.event,
  });
  return { resent: true, refund: recorded ?? sending };
}
