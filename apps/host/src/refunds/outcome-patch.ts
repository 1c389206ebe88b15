import { RefundError, type RefundResult } from '@refunds/core';
import type { RefundPatch, RefundState } from '../ledger/ledger';

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

/**
 * The ledger change for a failed provider call. Only a failure that proves the provider did not execute the
 * refund ends it as `failed`; anything else may have moved money and goes to the reconciler as `unknown`.
 */
export function failurePatch(error: unknown, now: Date, type: string): OutcomePatch {
  const refundError = RefundError.isInstance(error) ? error : undefined;
  const certain = refundError !== undefined && refundError.outcome !== 'unknown';
  const failure = {
    code: refundError?.code ?? 'internal',
    message:
      refundError?.message ?? 'The provider call failed unexpectedly; the refund may have been executed.',
  };
  return {
    patch: certain
      ? { state: 'failed', failure, nextCheckAt: null, leaseOwner: null, leaseUntil: null }
      : {
          state: 'unknown',
          failure,
          nextCheckAt: new Date(now.getTime() + 1_000),
          leaseOwner: null,
          leaseUntil: null,
        },
    event: {
      type,
      data: {
        code: failure.code,
        outcome: refundError?.outcome ?? 'unknown',
        message: failure.message,
        providerCode: refundError?.providerCode,
        raw: refundError?.raw,
      },
    },
  };
}
