import type { RefundRequest, RefundStatus } from '@refunds/core';

/**
 * Where a refund stands in the host. `sending` means a provider call is (or was, if the host died) in flight:
 * once its lease expires the reconciler treats it like `unknown`.
 */
export type RefundState = 'sending' | 'pending' | 'succeeded' | 'failed' | 'unknown' | 'needs_attention';

export const finalStates: readonly RefundState[] = ['succeeded', 'failed'];

/**
 * What a `failed` refund's failure proves: `not_sent` — the request provably never reached the provider, so the
 * same refund id may be sent again; `rejected` — the provider refused or failed the refund itself; `unknown` —
 * kept for evidence that does not settle it either way.
 */
export type FailureOutcome = 'not_sent' | 'rejected' | 'unknown';

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
  failureOutcome: FailureOutcome | undefined;
  /** Reconciliation attempts so far. */
  attempts: number;
  /** Status checks that failed in a row (a "still pending" answer is not a failure and resets nothing). */
  checkFailures: number;
  /** How often the refund was sent again under its id. */
  resends: number;
  /** When the reconciler should look at it next; undefined when nothing is due. */
  nextCheckAt: Date | undefined;
  /** When the provider was last sent this refund (set when the record is written, before the first call). */
  sentAt: Date | undefined;
  /** When a status query first answered "not found" since the last send: one answer alone proves nothing. */
  notFoundAt: Date | undefined;
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
  /**
   * The instance that will call the provider, and how long it may take before others step in: counted from
   * when the record is written (inside the write), so time spent waiting for the database is not taken from it.
   */
  leaseOwner: string;
  leaseMs: number;
  /** Who asked (an API key's name), recorded in the first event. */
  actor?: string;
}

export interface RefundPatch {
  state?: RefundState;
  providerStatus?: RefundStatus | null;
  providerRefundId?: string | null;
  failure?: { code: string; message: string } | null;
  failureOutcome?: FailureOutcome | null;
  attempts?: number;
  checkFailures?: number;
  resends?: number;
  nextCheckAt?: Date | null;
  sentAt?: Date | null;
  notFoundAt?: Date | null;
  leaseOwner?: string | null;
  leaseUntil?: Date | null;
}

export interface ListRefundsQuery {
  account?: string;
  state?: RefundState;
  orderId?: string;
  /** Refunds created at or after this instant. */
  createdFrom?: Date;
  /** Refunds created before this instant (exclusive, so consecutive ranges never overlap). */
  createdTo?: Date;
  /** `newest` first (the default) or `oldest` first, e.g. the refunds waiting longest for a person. */
  order?: 'newest' | 'oldest';
  /** 1..100, default 20. */
  limit?: number;
  /** Opaque, from a previous page's `nextCursor`. */
  cursor?: string;
}

/** One line of `countByStateAndAccount`. */
export interface RefundCount {
  account: string;
  state: RefundState;
  count: number;
}

/** What `recordRefund` did. */
export type RecordRefundResult =
  | { outcome: 'created'; refund: RefundRecord }
  | { outcome: 'exists'; refund: RefundRecord }
  /** Another live owner holds the order's lock until `lockedUntil`; nothing was recorded. */
  | { outcome: 'order_busy'; lockedUntil: Date };

/** What a claim of due refunds, or of one refund, takes. */
export interface ClaimOptions {
  now: Date;
  /** The lease: from `now`. A positive integer. */
  leaseMs: number;
  /** Only refunds of these accounts (the ones this process has configured); none claims nothing. */
  accounts: readonly string[];
}

/** What the merchant's application hears of, by webhook (issue 16). */
export const webhookEventTypes = [
  'refund.pending',
  'refund.succeeded',
  'refund.failed',
  'refund.needs_attention',
  'refund.resolved',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Which endpoints hear of which events: the delivery rows the ledger writes beside each event. */
export interface WebhookOutbox {
  /** `events` left out: every type. */
  endpoints: readonly { id: string; events?: readonly WebhookEventType[] }[];
  /** How long after its event a delivery is retried before it is abandoned. */
  giveUpAfterMs: number;
}

export type WebhookDeliveryState = 'pending' | 'delivered' | 'abandoned';

export interface WebhookDelivery {
  id: string;
  /** The event's id: the `webhook-id` header of every attempt. */
  eventId: string;
  endpointId: string;
  refundId: string;
  type: WebhookEventType;
  sequence: number;
  state: WebhookDeliveryState;
  attempts: number;
  nextAttemptAt: Date | undefined;
  giveUpAt: Date;
  lastStatus: number | undefined;
  lastError: string | undefined;
  deliveredAt: Date | undefined;
  createdAt: Date;
  updatedAt: Date;
}

/** A delivery claimed for an attempt, with the exact body to send. */
export interface ClaimedWebhookDelivery extends WebhookDelivery {
  payload: string;
}

export interface WebhookAttempt {
  startedAt: Date;
  latencyMs: number;
  /** Undefined when no answer came (timeout, refused connection). */
  status: number | undefined;
  error: string | undefined;
  /** The first bytes of the answer, as text. */
  responseExcerpt: string | undefined;
  /** The host instance that made it. */
  instance: string;
}

/** Where a delivery goes after an attempt. */
export type WebhookDeliveryNext =
  | { state: 'delivered' }
  | { state: 'pending'; nextAttemptAt: Date }
  | { state: 'abandoned' };

/** The ledger's reads and guarded writes on refunds, inside the one transaction of `applyNotification`. */
export type LedgerTransaction = Pick<
  Ledger,
  'getRefund' | 'refundsOfOrder' | 'transition' | 'appendEvent' | 'events'
>;

export interface Ledger {
  readonly dialect: 'sqlite' | 'postgres';
  /** Inserts the refund with state `sending` and a first event, or returns the one that already has this id. */
  createRefund(input: NewRefund): Promise<{ created: boolean; refund: RefundRecord }>;
  /**
   * `createRefund` and the order's lock (for `lock.owner`, `lock.ttlMs`) in one write: a refund is recorded only
   * with its order locked for it. The lock is released by the `transition` that records the outcome
   * (`releaseOrderLock`), so the happy path is two writes.
   */
  recordRefund(input: NewRefund, lock: { owner: string; ttlMs: number }): Promise<RecordRefundResult>;
  getRefund(refundId: string): Promise<RefundRecord | undefined>;
  listRefunds(query: ListRefundsQuery): Promise<{ refunds: RefundRecord[]; nextCursor: string | undefined }>;
  /**
   * Applies the patch and appends the event in one transaction, only if the refund's state is one of `from`
   * (and, when `leaseOwner` is given, the lease is still held by that owner; when `failureOutcome` is given, the
   * refund's failure outcome is that one). Returns the updated refund, or undefined when the guard did not hold:
   * someone else moved it first. `releaseOrderLock` releases the refund's order lock held by that owner in the
   * same write, and wakes whoever waits for it.
   */
  transition(
    refundId: string,
    change: {
      from: readonly RefundState[];
      leaseOwner?: string;
      failureOutcome?: FailureOutcome;
      patch: RefundPatch;
      event: { type: string; data: unknown };
      releaseOrderLock?: { owner: string };
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
   * Resolves once the order's lock is released (by this process, or on PostgreSQL by any instance), or at `until`
   * at the latest: what a request for a locked order waits on, instead of polling.
   */
  waitForOrderRelease(account: string, orderId: string, until: Date): Promise<void>;
  /**
   * Claims up to `limit` refunds of `accounts` the reconciler must look at, atomically across host instances:
   * `pending` and `unknown` ones whose `nextCheckAt` has passed, and `sending` ones whose lease expired. Sets the
   * lease.
   */
  claimDue(owner: string, options: ClaimOptions & { limit: number }): Promise<RefundRecord[]>;
  /**
   * Claims one refund now, whatever its schedule, with the lease the reconciler takes (for a sync): only one of
   * `accounts`, not final, and under no live lease. Atomic across host instances. Undefined when it is not
   * there, not ours, final, or someone else holds it.
   */
  claimRefund(refundId: string, owner: string, options: ClaimOptions): Promise<RefundRecord | undefined>;
  /** Records a provider notification once; false when this (account, notificationId) was already seen. */
  recordNotification(account: string, notificationId: string, data: unknown): Promise<boolean>;
  /**
   * Records a provider notification and runs `apply` on the ledger inside the same transaction: when `apply`
   * throws, nothing is recorded (its writes included), so the provider's redelivery is processed rather than
   * taken for a duplicate. A duplicate does not call `apply`. Each write of the transaction's ledger is atomic
   * on its own too. `apply` holds the write transaction: it must only use the ledger it is given, never call a
   * provider, and never use the transaction's ledger after it has settled.
   */
  applyNotification<T>(
    account: string,
    notificationId: string,
    data: unknown,
    apply: (ledger: LedgerTransaction) => Promise<T>,
  ): Promise<{ duplicate: true } | { duplicate: false; result: T }>;
  /**
   * A safe integer greater than every value returned before for `scope` (across instances and restarts) and at
   * least `floor` (a non-negative safe integer, such as the clock), persisted: the nonces of a provider key
   * shared by several hosts.
   */
  nextNonce(scope: string, floor: number): Promise<number>;
  /**
   * Claims up to `limit` due pending deliveries to `endpoints` (those this instance can post to), atomically
   * across host instances, with a lease: none is attempted by two instances at once.
   */
  claimWebhookDeliveries(
    owner: string,
    options: { now: Date; leaseMs: number; limit: number; endpoints: readonly string[] },
  ): Promise<ClaimedWebhookDelivery[]>;
  /**
   * Records one attempt and moves the delivery on, releasing the lease. The attempt is recorded in any case;
   * the move only while `owner` still holds the lease (undefined otherwise).
   */
  recordWebhookAttempt(
    deliveryId: string,
    owner: string,
    attempt: WebhookAttempt,
    next: WebhookDeliveryNext,
  ): Promise<WebhookDelivery | undefined>;
  /** A refund's deliveries, oldest event first, each with its attempts. */
  webhookDeliveries(refundId: string): Promise<(WebhookDelivery & { attemptLog: WebhookAttempt[] })[]>;
  /** A refund's webhook events in sequence order, with their payloads. */
  webhookEvents(
    refundId: string,
  ): Promise<{ id: string; type: WebhookEventType; sequence: number; payload: string; createdAt: Date }[]>;
  /**
   * Makes a delivery due now again, whatever its state, retried for the outbox's `giveUpAfterMs` from now;
   * undefined when there is no such delivery.
   */
  redeliverWebhook(deliveryId: string, options: { now: Date }): Promise<WebhookDelivery | undefined>;
  /** Per endpoint with pending deliveries, when its oldest undelivered event was written. */
  oldestUndeliveredWebhooks(): Promise<{ endpointId: string; createdAt: Date }[]>;
  /** Counts by state, for /metrics. */
  countByState(): Promise<Record<RefundState, number>>;
  /** How many refunds each account has in each state; only pairs with at least one refund. */
  countByStateAndAccount(): Promise<RefundCount[]>;
  /** Cheap round trip for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
