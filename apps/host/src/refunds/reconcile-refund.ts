import { randomUUID } from 'node:crypto';
import { RefundError, type RefundProviderV1 } from '@refunds/core';
import type { Logger } from 'pino';
import type { Ledger, RefundPatch, RefundRecord } from '../ledger/ledger';
import { currencyMismatch } from './currency-mismatch';
import { failurePatch, resultPatch } from './outcome-patch';
import { type ReconciliationTiming, reconciliationTiming } from './reconciliation-timing';
import type { AccountProvider } from './refund-service';

export interface ReconcileContext {
  ledger: Ledger;
  accounts: ReadonlyMap<string, AccountProvider>;
  instanceId: string;
  logger: Logger;
  leaseMs: number;
  /** After this many failed status checks in a row the refund is handed to a person. Default 20. */
  maxCheckFailures?: number;
  /** How often one refund may be sent again automatically before a person decides. Default 2. */
  maxResends?: number;
}

interface Claim {
  refund: RefundRecord;
  provider: RefundProviderV1;
  timing: ReconciliationTiming;
  context: ReconcileContext;
  /** One deadline for everything done under this claim (lookup and resend), ending before the lease does. */
  signal: AbortSignal;
}

/**
 * Resolves one claimed refund against the provider. "Not found" right after a lost answer is not proof of
 * absence: it counts only after the settle window, twice that far apart. Only then, and only where the provider
 * honours refund ids, is the refund sent again; otherwise a person decides.
 */
export async function reconcileRefund(
  refund: RefundRecord,
  context: ReconcileContext,
): Promise<RefundRecord | undefined> {
  const account = context.accounts.get(refund.account);
  // Claims are limited to configured accounts, so this is a refund someone else's host reconciles.
  if (!account) return undefined;
  const claim: Claim = {
    refund,
    provider: account.provider,
    timing: reconciliationTiming(account),
    context,
    signal: AbortSignal.timeout(Math.max(1_000, context.leaseMs - 5_000)),
  };
  try {
    const result = await claim.provider.getRefund(
      { refundId: refund.refundId, orderId: refund.orderId, providerRefundId: refund.providerRefundId },
      { signal: claim.signal },
    );
    const outcome = resultPatch(result, new Date(), 'status_checked');
    const mismatch = result.status === 'failed' ? undefined : currencyMismatch(refund, result.amount);
    if (mismatch) return handOver(claim, mismatch, outcome.event.data, outcome.patch);
    if (outcome.patch.state === 'pending') {
      const age = Date.now() - refund.createdAt.getTime();
      if (age >= claim.timing.maximumPendingMs) {
        return handOver(
          claim,
          `still pending ${Math.round(age / 60_000)} minutes after it was created, beyond the ${Math.round(claim.timing.maximumPendingMs / 60_000)}-minute maximum`,
          outcome.event.data,
          outcome.patch,
        );
      }
      outcome.patch.nextCheckAt = nextCheck(refund.attempts + 1);
    }
    return move(claim, { ...outcome.patch, attempts: refund.attempts + 1 }, outcome.event);
  } catch (error) {
    if (RefundError.isInstance(error) && error.code === 'not_found' && error.outcome === 'rejected') {
      return handleMissing(claim, error);
    }
    return checkFailed(claim, error);
  }
}

/** Applies a change under the claim's lease; undefined when someone else moved the refund first. */
function move(claim: Claim, patch: RefundPatch, event: { type: string; data: unknown }) {
  return claim.context.ledger.transition(claim.refund.refundId, {
    from: [claim.refund.state],
    leaseOwner: claim.context.instanceId,
    patch: { leaseOwner: null, leaseUntil: null, ...patch },
    event,
  });
}

/** A person decides: the refund leaves the reconciler's schedule with the reason and the evidence. */
function handOver(claim: Claim, reason: string, evidence: unknown, patch: RefundPatch = {}) {
  return move(
    claim,
    { ...patch, state: 'needs_attention', nextCheckAt: null },
    { type: 'needs_attention', data: { reason, evidence } },
  );
}

function describeError(error: unknown) {
  return RefundError.isInstance(error)
    ? {
        code: error.code,
        outcome: error.outcome,
        providerCode: error.providerCode,
        message: error.message,
        raw: error.raw,
      }
    : { message: error instanceof Error ? error.message : String(error) };
}

async function handleMissing(claim: Claim, evidence: RefundError): Promise<RefundRecord | undefined> {
  const { refund, timing } = claim;
  const now = Date.now();
  const detail = describeError(evidence);
  // A refund handed to a person stays with them: a lookup adds evidence, never a resend.
  if (refund.state === 'needs_attention') return move(claim, {}, { type: 'not_found', data: detail });

  const firstSeen = refund.notFoundAt?.getTime();
  const proven = firstSeen !== undefined && now - firstSeen >= timing.settleWindowMs;
  if (!proven) {
    // The provider's read side may lag its writes: one "not found" is noted and asked again a window later.
    const notFoundAt = firstSeen ?? now;
    const sentAt = (refund.sentAt ?? refund.createdAt).getTime();
    return move(
      claim,
      {
        state: refund.state === 'sending' ? 'unknown' : refund.state,
        notFoundAt: new Date(notFoundAt),
        attempts: refund.attempts + 1,
        nextCheckAt: new Date(Math.max(notFoundAt, sentAt) + timing.settleWindowMs),
      },
      {
        type: 'not_found',
        data: {
          ...detail,
          proof: 'not yet: asked again once the settle window has passed',
          settleWindowMs: timing.settleWindowMs,
        },
      },
    );
  }
  if (refund.state === 'pending' || refund.providerRefundId !== undefined) {
    return handOver(
      claim,
      'the provider accepted this refund earlier but now reports it does not exist',
      detail,
    );
  }
  if (!claim.provider.capabilities.nativeIdempotency) {
    return handOver(
      claim,
      `${claim.provider.provider} reports no refund and cannot de-duplicate a resend, so it was not resent automatically`,
      detail,
    );
  }
  const maxResends = claim.context.maxResends ?? 2;
  if (refund.resends >= maxResends) {
    return handOver(claim, `still not found after ${refund.resends} resends`, detail);
  }
  return resend(claim, detail);
}

/** Sends the refund again under its own id, recorded before the call like the first attempt. */
async function resend(claim: Claim, evidence: unknown): Promise<RefundRecord | undefined> {
  const { refund, context } = claim;
  const lockOwner = `${context.instanceId}:${randomUUID()}`;
  if (!(await context.ledger.acquireOrderLock(refund.account, refund.orderId, lockOwner, context.leaseMs))) {
    // Another refund of the order is being sent: not a failed check, just not now.
    return move(
      claim,
      { nextCheckAt: new Date(Date.now() + 1_000) },
      { type: 'resend_deferred', data: { reason: 'another refund of this order is being sent' } },
    );
  }
  try {
    const recorded = await move(
      claim,
      {
        state: 'unknown',
        resends: refund.resends + 1,
        sentAt: new Date(),
        notFoundAt: null,
        // Keeps the claim: the resend's answer is recorded under the same lease.
        leaseOwner: context.instanceId,
        leaseUntil: refund.leaseUntil ?? new Date(Date.now() + context.leaseMs),
      },
      {
        type: 'resending',
        data: {
          reason: 'the provider showed no such refund twice, a settle window apart, and honours refund ids',
          evidence,
        },
      },
    );
    if (!recorded) return undefined;
    let outcome: ReturnType<typeof resultPatch>;
    try {
      outcome = resultPatch(
        await claim.provider.refund(refund.request, { signal: claim.signal, resend: true }),
        new Date(),
        'provider_accepted',
      );
    } catch (error) {
      outcome = failurePatch(error, new Date(), 'resend_failed', 'resend');
    }
    return context.ledger.transition(refund.refundId, {
      from: ['unknown'],
      leaseOwner: context.instanceId,
      patch: { ...outcome.patch, attempts: refund.attempts + 1 },
      event: outcome.event,
    });
  } finally {
    await context.ledger.releaseOrderLock(refund.account, refund.orderId, lockOwner);
  }
}

/** A status check that failed. Only these count toward giving up; a "still pending" answer never does. */
function checkFailed(claim: Claim, error: unknown) {
  const { refund, context } = claim;
  const detail = describeError(error);
  context.logger.warn({ refundId: refund.refundId, error: detail }, 'status check failed');
  if (refund.state === 'needs_attention')
    return move(claim, {}, { type: 'status_check_failed', data: detail });
  const checkFailures = refund.checkFailures + 1;
  const attempts = refund.attempts + 1;
  if (checkFailures >= (context.maxCheckFailures ?? 20)) {
    return handOver(claim, `${checkFailures} status checks failed in a row`, detail, {
      checkFailures,
      attempts,
    });
  }
  return move(
    claim,
    {
      // A `sending` refund whose host died is `unknown` from now on: nobody is sending it any more.
      state: refund.state === 'sending' ? 'unknown' : refund.state,
      checkFailures,
      attempts,
      nextCheckAt: nextCheck(attempts),
    },
    { type: 'status_check_failed', data: { checkFailures, error: detail } },
  );
}

/** Exponential back-off from two seconds, capped at ten minutes. */
export function nextCheck(attempts: number): Date {
  const delay = Math.min(600_000, 1_000 * 2 ** Math.min(attempts, 10));
  return new Date(Date.now() + delay);
}
