import { RefundError, type RefundResult } from '@refunds/core';
import type { FailureOutcome, RefundPatch, RefundState } from '../ledger/ledger';

export interface OutcomePatch {
  patch: RefundPatch;
  event: { type: string; data: unknown };
}

/** The ledger change for a provider's answer to a refund (or a status query). */
export function resultPatch(result: RefundResult, now: Date, type: string): OutcomePatch {
  const state: RefundState = result.status === 'pending' ? 'pending' : result.status;
  return {
    patch: {
      state,
      providerStatus: result.status,
      providerRefundId: result.providerRefundId ?? null,
      failure: result.failure ?? null,
      failureOutcome: result.status === 'failed' ? 'rejected' : null,
      // The provider answered: whatever failed or was missing before is behind us.
      checkFailures: 0,
      notFoundAt: null,
      nextCheckAt: state === 'pending' ? new Date(now.getTime() + 2_000) : null,
      leaseOwner: null,
      leaseUntil: null,
    },
    event: {
      type,
      data: { status: result.status, providerRefundId: result.providerRefundId, raw: result.raw },
    },
  };
}

// Refused before the provider processed anything: it asked us to slow down, or did not know who we were.
const refusedBeforeProcessing = new Set(['rate_limited', 'authentication', 'provider_unavailable']);

/**
 * Whether the failed call provably never reached the provider's processing: then the refund id is not burnt
 * and the same request may be sent again under it.
 */
export function neverProcessed(error: unknown): boolean {
  if (!RefundError.isInstance(error)) return false;
  return (
    error.outcome === 'not_sent' || (error.outcome === 'rejected' && refusedBeforeProcessing.has(error.code))
  );
}

/**
 * The ledger change for a failed provider call.
 * - A first attempt ends `failed` only when the failure proves the provider did not execute the refund.
 * - A resend never ends `failed`: its refusal says nothing about the first attempt, which may have executed
 *   (the adapters even report "id already used" as `unknown` then). It stays `unknown` and is reconciled.
 * Anything that may have moved money goes to the reconciler as `unknown`.
 */
export function failurePatch(
  error: unknown,
  now: Date,
  type: string,
  attempt: 'first' | 'resend' = 'first',
): OutcomePatch {
  const refundError = RefundError.isInstance(error) ? error : undefined;
  const certain = attempt === 'first' && refundError !== undefined && refundError.outcome !== 'unknown';
  const failureOutcome: FailureOutcome = neverProcessed(error)
    ? 'not_sent'
    : (refundError?.outcome ?? 'unknown');
  const failure = {
    code: refundError?.code ?? 'internal',
    message:
      refundError?.message ?? 'The provider call failed unexpectedly; the refund may have been executed.',
  };
  return {
    patch: certain
      ? { state: 'failed', failure, failureOutcome, nextCheckAt: null, leaseOwner: null, leaseUntil: null }
      : {
          state: 'unknown',
          failure,
          failureOutcome,
          nextCheckAt: new Date(now.getTime() + 1_000),
          leaseOwner: null,
          leaseUntil: null,
        },
    event: {
      type,
      data: {
        code: failure.code,
        outcome: refundError?.outcome ?? 'unknown',
        attempt,
        message: failure.message,
        providerCode: refundError?.providerCode,
        raw: refundError?.raw,
      },
    },
  };
}
