import type { RefundStatus } from '@refunds/core';
import type { ColumnType, Generated } from 'kysely';
import type { FailureOutcome, RefundState } from './ledger';

/**
 * Milliseconds since the epoch, stored as BIGINT: integers compare and sort the same way in both dialects,
 * where text timestamps would depend on collation. pg returns BIGINT as a string, so reads accept both.
 */
export type Milliseconds = ColumnType<number | string, number, number>;
export type NullableMilliseconds = ColumnType<number | string | null, number | null, number | null>;

export interface RefundsTable {
  refund_id: string;
  account: string;
  provider: string;
  order_id: string;
  /** Exact decimal text: never a float. */
  amount: string;
  currency: string;
  request_hash: string;
  /** The RefundRequest as JSON text. */
  request: string;
  state: RefundState;
  provider_status: RefundStatus | null;
  provider_refund_id: string | null;
  failure_code: string | null;
  failure_message: string | null;
  failure_outcome: FailureOutcome | null;
  attempts: number;
  /** Defaulted by the database, so optional on insert. */
  check_failures: ColumnType<number, number | undefined, number>;
  resends: ColumnType<number, number | undefined, number>;
  next_check_at: NullableMilliseconds;
  sent_at: NullableMilliseconds;
  not_found_at: NullableMilliseconds;
  lease_owner: string | null;
  lease_until: NullableMilliseconds;
  created_at: Milliseconds;
  updated_at: Milliseconds;
}

export interface RefundEventsTable {
  /** Assigned by the database in append order (pg returns BIGINT as a string). */
  id: Generated<number | string>;
  refund_id: string;
  type: string;
  at: Milliseconds;
  /** JSON text; NULL when the event carries no data. */
  data: string | null;
}

export interface OrderLocksTable {
  account: string;
  order_id: string;
  owner: string;
  until: Milliseconds;
  /** PostgreSQL: an instance waits for the lock's release, so the release is announced (migration 0007). */
  waiting: Generated<boolean>;
}

export interface NotificationsTable {
  account: string;
  notification_id: string;
  received_at: Milliseconds;
  data: string | null;
}

/** The last value handed out per scope (a provider key's nonces): safe integers only, by CHECK. */
export interface NoncesTable {
  scope: string;
  /** pg returns BIGINT as a string. */
  value: ColumnType<number | string, number, number>;
}

export type WebhookDeliveryState = 'pending' | 'delivered' | 'abandoned';

/** One event for the merchant's application, written with the change it reports. */
export interface WebhookEventsTable {
  /** The `webhook-id` every attempt of every endpoint carries. */
  id: string;
  refund_id: string;
  type: string;
  /** 1, 2, 3, ... per refund: a receiver drops an event older than the last it applied. */
  sequence: number;
  /** The JSON body exactly as signed and sent. */
  payload: string;
  created_at: Milliseconds;
}

export interface WebhookDeliveriesTable {
  id: string;
  event_id: string;
  endpoint_id: string;
  state: WebhookDeliveryState;
  attempts: ColumnType<number, number | undefined, number>;
  /** When a pending delivery is due; null once it is delivered or abandoned. */
  next_attempt_at: NullableMilliseconds;
  give_up_at: Milliseconds;
  lease_owner: string | null;
  lease_until: NullableMilliseconds;
  last_status: number | null;
  last_error: string | null;
  delivered_at: NullableMilliseconds;
  created_at: Milliseconds;
  updated_at: Milliseconds;
}

export interface WebhookAttemptsTable {
  id: Generated<number | string>;
  delivery_id: string;
  started_at: Milliseconds;
  latency_ms: number;
  /** The receiver's HTTP status; null when no answer came (timeout, refused connection). */
  status: number | null;
  error: string | null;
  /** The first bytes of the receiver's answer, as text. */
  response_excerpt: string | null;
  /** The host instance that made the attempt. */
  instance: string;
}

/** Refunds per (account, state), as the sum of its stripes' counts (each a running sum of +1 and -1). */
export interface RefundCountsTable {
  account: string;
  state: RefundState;
  stripe: number;
  /** pg returns BIGINT as a string. */
  count: ColumnType<number | string, number, number>;
}

export interface LedgerDatabase {
  refunds: RefundsTable;
  refund_events: RefundEventsTable;
  order_locks: OrderLocksTable;
  notifications: NotificationsTable;
  nonces: NoncesTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  refund_counts: RefundCountsTable;
}
