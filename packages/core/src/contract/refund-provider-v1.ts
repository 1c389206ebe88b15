import type { Money } from '../money/money';

/** A refund as the merchant asks for it. Amounts are exact decimal strings, never JS numbers. */
export interface RefundRequest {
  /** The merchant's unique id for this refund, reused verbatim on every retry. */
  refundId: string;
  /** The paid order as the provider knows it. */
  orderId: string;
  amount: Money;
  reason?: string;
  /** Where the money goes when it is not the original path: a crypto address and chain, or a Gate UID. */
  destination?: RefundDestination;
  /** Provider-specific options, validated by the provider's own schema. */
  providerOptions?: Record<string, unknown>;
}

export interface RefundDestination {
  address?: string;
  network?: string;
  accountId?: string;
}

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

export interface RefundResult {
  refundId: string;
  provider: string;
  providerRefundId?: string;
  status: RefundStatus;
  amount: Money;
  failure?: { code: string; message: string };
  /** The provider's parsed payload, secrets redacted. */
  raw: unknown;
}

export interface RefundCapabilities {
  partialRefund: boolean;
  multipleRefunds: boolean;
  statusQuery: boolean;
  notifications: boolean;
  /** The provider rejects or replays a reused refund id, so resending the same id cannot pay twice. */
  nativeIdempotency: boolean;
}

export interface RefundLookup {
  refundId: string;
  orderId?: string;
  providerRefundId?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * This call sends again a refund id whose earlier attempt may have executed (its outcome was unknown). A
   * refusal that can follow from that earlier attempt having executed (id already used, amount exceeds what is
   * refundable, order already refunded) is then evidence that it did, so it surfaces as `outcome: 'unknown'`,
   * never `rejected`. Default false: a first attempt.
   */
  resend?: boolean;
}

/**
 * How long the provider's read side may lag behind its writes, and how long a refund may stay pending, as the
 * provider documents or as observed. The host uses them to decide when "not found" is evidence and when a
 * pending refund needs a person; each can be overridden per account.
 */
export interface ReconciliationHints {
  /** After an unknown outcome, "not found" counts only from this long after the last send. */
  settleWindowMs?: number;
  /** A refund still pending this long after it was created is handed to a person. */
  maximumPendingMs?: number;
}

export interface NotificationInput {
  body: string | Uint8Array;
  headers: Headers | Record<string, string>;
}

/** What a verified provider notification says, and the exact reply the provider expects. */
export interface RefundNotification {
  /** Absent on older providers; `refund` when present. */
  kind?: 'refund';
  provider: string;
  /** The merchant refund id, when the provider's notification names one. */
  refundId?: string;
  /** The order, when the notification names it (CoinCorner's only identify orders). */
  orderId?: string;
  providerRefundId?: string;
  status: RefundStatus;
  amount?: Money;
  /** A stable key for this notification, so a redelivered one can be recognised. */
  notificationId: string;
  raw: unknown;
  acknowledgement: NotificationAcknowledgement;
}

/**
 * A verified notification that is not about a refund (a payment, a payout): acknowledged the way the provider
 * expects, so it stops redelivering it, and otherwise ignored.
 */
export interface IgnoredNotification {
  kind: 'ignored';
  provider: string;
  /** Why it was ignored, for the log: for example the provider's notification type. */
  reason: string;
  acknowledgement: NotificationAcknowledgement;
}

export interface NotificationAcknowledgement {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RefundProviderV1 {
  readonly specificationVersion: 'refunds-v1';
  readonly provider: string;
  readonly capabilities: RefundCapabilities;
  /** Defaults for the host's reconciler; absent means the host's own defaults. */
  readonly reconciliation?: ReconciliationHints;
  refund(request: RefundRequest, options?: CallOptions): Promise<RefundResult>;
  getRefund(lookup: RefundLookup, options?: CallOptions): Promise<RefundResult>;
  /** Verifies the raw bytes first, then parses. Throws `RefundError` (`signature_invalid`) on a forgery. */
  verifyNotification?(input: NotificationInput): Promise<RefundNotification | IgnoredNotification>;
}
