import type { RefundRequest, RefundStatus } from '@refunds/core';

/**
 * Where a refund stands in the host. `sending` means a provider call is (or was, if the host died) in flight:
 * once its lease expires the reconciler treats it like `unknown`.
 */
export type RefundState = 'sending' | 'pending' | 'succeeded' | 'failed' | 'unknown' | 'needs_attention';

export const finalStates: readonly RefundState[] = ['succeeded', 'failed'];

export interface RefundRecord {
  refundId: string;
  account: string;
  provider: string;
  orderId: string;
  amount: string;
  currency: string;
  /** SHA-256 of the canonical request, to tell a repeated request from a conflicting one. */
  requestHash: string;
  request: RefundRequest;
  state: RefundState;
  providerStatus: RefundStatus | undefined;
  providerRefundId: string | undefined;
  failure: { code: string; message: string } | undefined;
  /** Reconciliation attempts so far. */
  attempts: number;
  /** When the reconciler should look at it next; undefined when nothing is due. */
  nextCheckAt: Date | undefined;
  /** The host instance holding the refund's lease, and until when. */
  leaseOwner: string | undefined;
  leaseUntil: Date | undefined;
  createdAt: Date;
  updatedAt: Date;
}

export interface RefundEvent {
  id: string;
  refundId: string;
  type: string;
  at: Date;
  /** Redacted before it is written. */
  data: unknown;
}

export interface NewRefund {
  refundId: string;
  account: string;
  provider: string;
  orderId: string;
  amount: string;
  currency: string;
  requestHash: string;
  request: RefundRequest;
  /** The instance that will call the provider, and how long it may take before others step in. */
  leaseOwner: string;
  leaseUntil: Date;
}

export interface RefundPatch {
  state?: RefundState;
  providerStatus?: RefundStatus | null;
  providerRefundId?: string | null;
  failure?: { code: string; message: string } | null;
  attempts?: number;
  nextCheckAt?: Date | null;
  leaseOwner?: string | null;
  leaseUntil?: Date | null;
}

export interface ListRefundsQuery {
  account?: string;
  state?: RefundState;
  orderId?: string;
  /** 1..100, default 20. */
  limit?: number;
  /** Opaque, from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface Ledger {
  readonly dialect: 'sqlite' | 'postgres';
  /** Inserts the refund with state `sending` and a first event, or returns the one that already has this id. */
  createRefund(input: NewRefund): Promise<{ created: boolean; refund: RefundRecord }>;
  getRefund(refundId: string): Promise<RefundRecord | undefined>;
  listRefunds(query: ListRefundsQuery): Promise<{ refunds: RefundRecord[]; nextCursor: string | undefined }>;
  /**
   * Applies the patch and appends the event in one transaction, only if the refund's state is one of `from`
   * (and, when `leaseOwner` is given, the lease is still held by that owner). Returns the updated refund, or
   * undefined when the guard did not hold: someone else moved it first.
   */
  transition(
    refundId: string,
    change: {
      from: readonly RefundState[];
      leaseOwner?: string;
      patch: RefundPatch;
      event: { type: string; data: unknown };
    },
  ): Promise<RefundRecord | undefined>;
  appendEvent(refundId: string, type: string, data: unknown): Promise<void>;
  events(refundId: string): Promise<RefundEvent[]>;
  /** The latest refunds of an order, newest first (CoinCorner notifications name only the order). */
  refundsOfOrder(account: string, orderId: string): Promise<RefundRecord[]>;
  /**
   * Takes the per-order lock so refunds of one order reach the provider one at a time. Returns false while
   * another live owner holds it; an expired lock is taken over.
   */
  acquireOrderLock(account: string, orderId: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseOrderLock(account: string, orderId: string, owner: string): Promise<void>;
  /**
   * Claims up to `limit` refunds the reconciler must look at, atomically across host instances: `pending` and
   * `unknown` ones whose `nextCheckAt` has passed, and `sending` ones whose lease expired. Sets the lease.
   */
  claimDue(owner: string, options: { now: Date; limit: number; leaseMs: number }): Promise<RefundRecord[]>;
  /** Records a provider notification once; false when this (account, notificationId) was already seen. */
  recordNotification(account: string, notificationId: string, data: unknown): Promise<boolean>;
  /** Counts by state, for /metrics. */
  countByState(): Promise<Record<RefundState, number>>;
  /** Cheap round trip for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
