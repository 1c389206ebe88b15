import { randomUUID } from 'node:crypto';
import {
  createRegistry,
  type ProviderAccountId,
  type ReconciliationHints,
  RefundError,
  type RefundProviderV1,
  type RefundRequest,
} from '@refunds/core';
import type { Logger } from 'pino';
import type { Ledger, RefundRecord } from '../ledger/ledger';
import { hashRefundRequest } from './hash-refund-request';
import { HostError } from './host-error';
import { failurePatch, resultPatch } from './outcome-patch';

export interface AccountProvider {
  provider: RefundProviderV1;
  /** The account's own reconciliation settings from the config, over the provider's defaults. */
  reconciliation?: ReconciliationHints;
}

export interface RefundServiceOptions {
  ledger: Ledger;
  accounts: ReadonlyMap<string, AccountProvider>;
  /** Identifies this host process in leases, so another instance can tell a live call from a dead one. */
  instanceId: string;
  logger: Logger;
  /**
   * How long a provider call may hold its refund before other instances treat the host as dead and reconcile
   * it. Calls are aborted before this runs out.
   */
  leaseMs?: number;
  /** How long a request waits for an earlier refund of the same order, or for an identical one in flight. */
  waitMs?: number;
}

export interface SubmitResult {
  created: boolean;
  refund: RefundRecord;
}

/** However long a wait may go, it looks again after this long: for a refund moved by someone holding no lock. */
const recheckMs = 1_000;

/**
 * Exactly once: the refund is recorded before the provider is called, one refund id means one provider call,
 * a repeated request gets the same refund, a different one under the same id is a conflict, and refunds of
 * one order reach the provider one at a time.
 */
export function createRefundService(options: RefundServiceOptions) {
  const { ledger, accounts, instanceId, logger } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const waitMs = options.waitMs ?? 30_000;
  const inFlight = new Set<Promise<unknown>>();

  const track = <Value>(work: Promise<Value>): Promise<Value> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => {});
    return work;
  };

  // Core's registry answers for the accounts: its refusal of an unknown one is the answer, in the host's terms.
  const registry = createRegistry(
    Object.fromEntries([...accounts].map(([id, account]) => [id as ProviderAccountId, account.provider])),
  );
  const providerOf = (account: string): RefundProviderV1 => {
    try {
      return registry.get(account as ProviderAccountId);
    } catch (error) {
      if (!(error instanceof RefundError) || error.field !== 'account') throw error;
      throw new HostError(422, 'unknown_account', error.message, 'account');
    }
  };

  /**
   * Waits while the refund is still being sent by someone, then returns it as it stands. Its sender holds the
   * order's lock and releases it with the outcome, so the wait is woken by that release, not by polling.
   */
  const settled = async (refundId: string): Promise<RefundRecord> => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const refund = await ledger.getRefund(refundId);
      if (!refund) throw new Error(`refund ${refundId} vanished from the ledger`);
      if (refund.state !== 'sending' || Date.now() > deadline) return refund;
      await ledger.waitForOrderRelease(
        refund.account,
        refund.orderId,
        new Date(Math.min(deadline, Date.now() + recheckMs)),
      );
    }
  };

  const checkSameRequest = (existing: RefundRecord, requestHash: string): void => {
    if (existing.requestHash !== requestHash) {
      throw new HostError(
        409,
        'refund_id_conflict',
        `Refund ${existing.refundId} already exists with a different body. Reuse a refund id only to retry the same refund; use a new id for a new refund.`,
        'refundId',
      );
    }
  };

  const replay = async (existing: RefundRecord, requestHash: string): Promise<SubmitResult> => {
    checkSameRequest(existing, requestHash);
    return { created: false, refund: await settled(existing.refundId) };
  };

  /** A refund that provably never reached the provider did not burn its id: the same request sends it now. */
  const sendableAgain = (refund: RefundRecord): boolean =>
    refund.state === 'failed' && refund.failureOutcome === 'not_sent';

  /** Waits for an order's lock to be released, until it runs out at the latest; 503 past the deadline. */
  const waitForOrder = async (account: string, orderId: string, lockedUntil: Date, deadline: number) => {
    if (Date.now() > deadline) {
      throw new HostError(
        503,
        'order_busy',
        `Another refund of order ${orderId} is still in progress; try again shortly.`,
      );
    }
    await ledger.waitForOrderRelease(account, orderId, new Date(Math.min(lockedUntil.getTime(), deadline)));
  };

  /** Calls the provider and records the outcome, releasing the order's lock (held by `lockOwner`) in that write. */
  const callProvider = async (
    refund: RefundRecord,
    provider: RefundProviderV1,
    lockOwner: string,
  ): Promise<RefundRecord> => {
    // The call must end before the lease does, or another instance could reconcile it while it is in flight.
    const signal = AbortSignal.timeout(Math.max(1_000, leaseMs - 5_000));
    let outcome: ReturnType<typeof resultPatch>;
    try {
      const result = await provider.refund(refund.request, { signal, resend: false });
      outcome = resultPatch(result, new Date(), 'provider_accepted');
    } catch (error) {
      outcome = failurePatch(error, new Date(), 'provider_failed');
      logger.warn(
        { refundId: refund.refundId, account: refund.account, error: outcome.event.data },
        'provider call failed',
      );
    }
    const updated = await ledger.transition(refund.refundId, {
      from: ['sending'],
      leaseOwner: instanceId,
      patch: outcome.patch,
      event: outcome.event,
      releaseOrderLock: { owner: lockOwner },
    });
    if (updated) return updated;
    // Someone else (a reconciler that saw our lease expire) already moved it: their view wins. Our lock was
    // not released with it.
    await ledger.releaseOrderLock(refund.account, refund.orderId, lockOwner);
    return settled(refund.refundId);
  };

  /**
   * A provider that takes one refund per order (CoinCorner) reports status per order, not per refund id, so a
   * second refund of an order would be credited with the first one's notifications and status: a refund the
   * provider never executed would show as succeeded. It is refused before it is sent, under the order's lock.
   */
  const refuseSecondRefund = async (
    refund: RefundRecord,
    provider: RefundProviderV1,
    lockOwner: string,
  ): Promise<RefundRecord | undefined> => {
    if (provider.capabilities.multipleRefunds) return undefined;
    // Only a failed refund moved nothing. One handed to a person may have executed: it blocks the order until a
    // person resolves it as failed, or a second refund could pay the order twice.
    const earlier = (await ledger.refundsOfOrder(refund.account, refund.orderId)).find(
      (other) => other.refundId !== refund.refundId && other.state !== 'failed',
    );
    if (!earlier) return undefined;
    const failure = {
      code: 'declined',
      message:
        `${provider.provider} takes one refund per order, and order ${refund.orderId} already has refund ` +
        `${earlier.refundId} (${earlier.state}); this one was not sent.`,
    };
    const refused = await ledger.transition(refund.refundId, {
      from: ['sending'],
      leaseOwner: instanceId,
      patch: {
        state: 'failed',
        failure,
        failureOutcome: 'not_sent',
        nextCheckAt: null,
        leaseOwner: null,
        leaseUntil: null,
      },
      event: { type: 'provider_failed', data: { ...failure, outcome: 'not_sent' } },
      releaseOrderLock: { owner: lockOwner },
    });
    if (refused) return refused;
    await ledger.releaseOrderLock(refund.account, refund.orderId, lockOwner);
    return settled(refund.refundId);
  };

  /**
   * Moves a refund that never reached the provider back to `sending` under this instance's lease, guarded on
   * its failure, so that of two identical retries exactly one sends it. Undefined when there is none to send.
   */
  const sendAgain = async (refundId: string, requestHash: string): Promise<RefundRecord | undefined> => {
    const existing = await ledger.getRefund(refundId);
    if (!existing || !sendableAgain(existing)) return undefined;
    checkSameRequest(existing, requestHash);
    const now = Date.now();
    return ledger.transition(refundId, {
      from: ['failed'],
      failureOutcome: 'not_sent',
      patch: {
        state: 'sending',
        failure: null,
        failureOutcome: null,
        sentAt: new Date(now),
        nextCheckAt: null,
        leaseOwner: instanceId,
        leaseUntil: new Date(now + leaseMs),
      },
      event: {
        type: 'sending_again',
        data: {
          reason: 'the earlier attempt provably never reached the provider',
          failure: existing.failure,
        },
      },
    });
  };

  /** Sends a refund whose record (and order lock, held by `lockOwner`) is in place; the outcome releases the lock. */
  const send = async (
    refund: RefundRecord,
    provider: RefundProviderV1,
    lockOwner: string,
  ): Promise<RefundRecord> => {
    try {
      return (
        (await refuseSecondRefund(refund, provider, lockOwner)) ??
        (await callProvider(refund, provider, lockOwner))
      );
    } catch (error) {
      // The outcome could not be written (the database went away): the lock must not outlive this call.
      await ledger.releaseOrderLock(refund.account, refund.orderId, lockOwner).catch(() => {});
      throw error;
    }
  };

  /**
   * A refund that provably never reached the provider is sent again under its id: the order's lock first (a
   * write of its own: this path is rare), then the guarded move back to `sending`.
   */
  const submitAgain = async (
    existing: RefundRecord,
    provider: RefundProviderV1,
    requestHash: string,
    lockOwner: string,
    deadline: number,
  ): Promise<SubmitResult | undefined> => {
    checkSameRequest(existing, requestHash);
    if (!(await ledger.acquireOrderLock(existing.account, existing.orderId, lockOwner, leaseMs))) {
      await waitForOrder(existing.account, existing.orderId, new Date(Date.now() + recheckMs), deadline);
      return undefined;
    }
    const again = await sendAgain(existing.refundId, requestHash).catch(async (error: unknown) => {
      await ledger.releaseOrderLock(existing.account, existing.orderId, lockOwner);
      throw error;
    });
    if (!again) {
      await ledger.releaseOrderLock(existing.account, existing.orderId, lockOwner);
      return undefined;
    }
    return { created: false, refund: await send(again, provider, lockOwner) };
  };

  /**
   * Two durable writes on the happy path (issue 19), and nothing else: the record, taking the order's lock, before
   * the provider call; the outcome, releasing it, after. A request for a locked order waits for the release.
   */
  // `actor`: the API key's name that asked, recorded in the refund's first event.
  const submit = async (account: string, request: RefundRequest, actor?: string): Promise<SubmitResult> => {
    const provider = providerOf(account);
    const requestHash = hashRefundRequest(account, request);
    // One owner per call, not per instance: two refunds of one order in this process must also queue.
    const lockOwner = `${instanceId}:${randomUUID()}`;
    const deadline = Date.now() + waitMs;
    // A new refund id is the common case: the first pass records at once (the record answers "exists" for an id
    // already taken), and only a pass after a refusal reads first. One read fewer per refund (issue 19).
    let firstPass = true;
    for (; ; firstPass = false) {
      if (!firstPass) {
        const existing = await ledger.getRefund(request.refundId);
        if (existing && !sendableAgain(existing)) return replay(existing, requestHash);
        if (existing) {
          const resent = await submitAgain(existing, provider, requestHash, lockOwner, deadline);
          if (resent) return resent;
          continue;
        }
      }
      const recorded = await ledger.recordRefund(
        {
          refundId: request.refundId,
          account,
          provider: provider.provider,
          orderId: request.orderId,
          amount: request.amount.amount,
          currency: request.amount.currency,
          requestHash,
          request,
          leaseOwner: instanceId,
          leaseMs,
          ...(actor === undefined ? {} : { actor }),
        },
        { owner: lockOwner, ttlMs: leaseMs },
      );
      if (recorded.outcome === 'created') {
        return { created: true, refund: await send(recorded.refund, provider, lockOwner) };
      }
      if (recorded.outcome === 'exists' && !sendableAgain(recorded.refund)) {
        return replay(recorded.refund, requestHash);
      }
      // A busy order on the first pass may be this very refund in flight (a retry): the next pass reads it and
      // replays it rather than waiting on its lock.
      if (recorded.outcome === 'order_busy' && !firstPass) {
        await waitForOrder(account, request.orderId, recorded.lockedUntil, deadline);
      }
      // Recorded by someone else meanwhile, sendable again, or the order is free now: look again.
    }
  };

  return {
    submit: (account: string, request: RefundRequest, actor?: string) =>
      track(submit(account, request, actor)),
    /** Resolves when every refund this instance is sending has been recorded. */
    async drain(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    get inFlight(): number {
      return inFlight.size;
    },
  };
}

export type RefundService = ReturnType<typeof createRefundService>;
