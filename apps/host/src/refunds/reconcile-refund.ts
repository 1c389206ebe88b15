import { randomUUID } from 'node:crypto';
import { RefundError, type RefundProviderV1 } from '@refunds/core';
import type { Logger } from 'pino';
import type { Ledger, RefundRecord, RefundState } from '../ledger/ledger';
import { currencyMismatch } from './currency-mismatch';
import { failurePatch, resultPatch } from './outcome-patch';
import type { AccountProvider } from './refund-service';

export interface ReconcileContext {
  ledger: Ledger;
  accounts: ReadonlyMap<string, AccountProvider>;
  instanceId: string;
  logger: Logger;
  leaseMs: number;
  /** After this many failed status checks the refund is handed to a person. */
  maxAttempts?: number;
}

/**
 * Resolves one claimed refund against the provider. It never resends unless the provider proves the refund
 * does not exist and honours refund ids, so a resend cannot pay twice; otherwise a person decides.
 */
export async function reconcileRefund(
  refund: RefundRecord,
  context: ReconcileContext,
): Promise<RefundRecord | undefined> {
  const { ledger, instanceId } = context;
  const from: RefundState[] = [refund.state];
  const provider = context.accounts.get(refund.account)?.provider;
  if (!provider) {
    return ledger.transition(refund.refundId, {
      from,
      leaseOwner: instanceId,
      patch: { state: 'needs_attention', nextCheckAt: null, leaseOwner: null, leaseUntil: null },
      event: {
        type: 'needs_attention',
        data: { reason: `account ${refund.account} is no longer configured` },
      },
    });
  }
  const signal = AbortSignal.timeout(Math.max(1_000, context.leaseMs - 5_000));
  try {
    const result = await provider.getRefund(
      { refundId: refund.refundId, orderId: refund.orderId, providerRefundId: refund.providerRefundId },
      { signal },
    );
    const { patch, event } = resultPatch(result, new Date(), 'status_checked');
    const attempts = refund.attempts + 1;
    const mismatch = result.status === 'failed' ? undefined : currencyMismatch(refund, result.amount);
    if (mismatch) {
      return ledger.transition(refund.refundId, {
        from,
        leaseOwner: instanceId,
        patch: { ...patch, state: 'needs_attention', attempts, nextCheckAt: null },
        event: { type: 'needs_attention', data: { reason: mismatch, evidence: event.data } },
      });
    }
    if (patch.state === 'pending') patch.nextCheckAt = nextCheck(attempts);
    return ledger.transition(refund.refundId, {
      from,
      leaseOwner: instanceId,
      patch: { ...patch, attempts },
      event,
    });
  } catch (error) {
    if (RefundError.isInstance(error) && error.code === 'not_found' && error.outcome === 'rejected') {
      return handleMissing(refund, provider, error, context);
    }
    return retryLater(refund, error, context);
  }
}

async function handleMissing(
  refund: RefundRecord,
  provider: RefundProviderV1,
  evidence: RefundError,
  context: ReconcileContext,
): Promise<RefundRecord | undefined> {
  const { ledger, instanceId } = context;
  const neverConfirmed = refund.state === 'unknown' || refund.state === 'sending';
  if (!neverConfirmed || !provider.capabilities.nativeIdempotency) {
    // The provider once accepted it and now denies it, or it cannot de-duplicate a resend: a person decides.
    return ledger.transition(refund.refundId, {
      from: [refund.state],
      leaseOwner: instanceId,
      patch: { state: 'needs_attention', nextCheckAt: null, leaseOwner: null, leaseUntil: null },
      event: {
        type: 'needs_attention',
        data: {
          reason: provider.capabilities.nativeIdempotency
            ? 'the provider accepted this refund earlier but now reports it does not exist'
            : `${provider.provider} reports no refund and cannot de-duplicate a resend, so it was not resent automatically`,
          evidence: {
            code: evidence.code,
            providerCode: evidence.providerCode,
            message: evidence.message,
            raw: evidence.raw,
          },
        },
      },
    });
  }
  const lockOwner = `${instanceId}:${randomUUID()}`;
  if (!(await ledger.acquireOrderLock(refund.account, refund.orderId, lockOwner, context.leaseMs))) {
    return retryLater(refund, new Error('order busy'), context);
  }
  try {
    await ledger.appendEvent(refund.refundId, 'resending', {
      reason: 'the provider proved the refund does not exist and honours refund ids',
      evidence: { code: evidence.code, providerCode: evidence.providerCode },
    });
    const signal = AbortSignal.timeout(Math.max(1_000, context.leaseMs - 5_000));
    let outcome: ReturnType<typeof resultPatch>;
    try {
      outcome = resultPatch(
        await provider.refund(refund.request, { signal }),
        new Date(),
        'provider_accepted',
      );
    } catch (error) {
      outcome = failurePatch(error, new Date(), 'provider_failed');
    }
    return ledger.transition(refund.refundId, {
      from: [refund.state],
      leaseOwner: instanceId,
      patch: { ...outcome.patch, attempts: refund.attempts + 1 },
      event: outcome.event,
    });
  } finally {
    await ledger.releaseOrderLock(refund.account, refund.orderId, lockOwner);
  }
}

async function retryLater(refund: RefundRecord, error: unknown, context: ReconcileContext) {
  const attempts = refund.attempts + 1;
  const exhausted = attempts >= (context.maxAttempts ?? 20);
  const detail = RefundError.isInstance(error)
    ? { code: error.code, outcome: error.outcome, message: error.message }
    : { message: error instanceof Error ? error.message : String(error) };
  context.logger.warn({ refundId: refund.refundId, attempts, error: detail }, 'status check failed');
  return context.ledger.transition(refund.refundId, {
    from: [refund.state],
    leaseOwner: context.instanceId,
    patch: exhausted
      ? { state: 'needs_attention', attempts, nextCheckAt: null, leaseOwner: null, leaseUntil: null }
      : {
          // A `sending` refund whose host died is `unknown` from now on: nobody is sending it any more.
          state: refund.state === 'sending' ? 'unknown' : refund.state,
          attempts,
          nextCheckAt: nextCheck(attempts),
          leaseOwner: null,
          leaseUntil: null,
        },
    event: { type: exhausted ? 'needs_attention' : 'status_check_failed', data: { attempts, error: detail } },
  });
}

/** Exponential back-off from one second, capped at ten minutes. */
function nextCheck(attempts: number): Date {
  const delay = Math.min(600_000, 1_000 * 2 ** Math.min(attempts, 10));
  return new Date(Date.now() + delay);
}
