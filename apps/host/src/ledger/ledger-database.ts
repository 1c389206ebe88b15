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

export interface LedgerDatabase {
  refunds: RefundsTable;
  refund_events: RefundEventsTable;
  order_locks: OrderLocksTable;
  notifications: NotificationsTable;
  nonces: NoncesTable;
}
