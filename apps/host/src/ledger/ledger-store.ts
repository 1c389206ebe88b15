import type { Kysely } from 'kysely';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerDialect } from './ledger-dialect';

export interface WriteOptions {
  /**
   * False for rows a power cut may lose harmlessly: an order lock lost is one that expired early, and one that
   * comes back is held by a dead owner until its TTL, as after a crash. SQLite then commits without flushing the
   * WAL (the next durable commit flushes it, in order). PostgreSQL ignores it: it already flushes concurrent
   * commits together.
   */
  durable?: boolean;
}

/** Runs one statement as a write of its own: the statement is its own transaction (autocommit). */
export type WriteOneStatement = <T>(run: (database: Kysely<LedgerDatabase>) => Promise<T>) => Promise<T>;

/** One opened, migrated database, whichever the dialect: the operations are written once against this. */
export interface LedgerStore {
  readonly dialect: LedgerDialect;
  /** For reads. Never use it inside `write`: SQLite has one connection and `write` is holding it. */
  readonly database: Kysely<LedgerDatabase>;
  /**
   * Runs `work` as one write transaction that holds the write lock from its first statement (SQLite
   * `BEGIN IMMEDIATE`, PostgreSQL row locks), and commits when it resolves or rolls back when it throws.
   */
  write<T>(work: (transaction: Kysely<LedgerDatabase>) => Promise<T>, options?: WriteOptions): Promise<T>;
  /**
   * PostgreSQL only: a write that is one statement, sent without BEGIN and COMMIT (issue 19: each round trip
   * costs the host a socket write and the server a wake-up). `run` must execute exactly one statement; where
   * it is absent, a write goes through `write`.
   */
  readonly writeOneStatement?: WriteOneStatement;
  /**
   * Says, from inside `transaction`, that it releases an order's lock: once it commits, `waitForOrderRelease`
   * callers of this process and, on PostgreSQL, of every instance (NOTIFY) are woken. `waiting` is the released
   * row's mark: PostgreSQL announces only a release some waiter marked.
   */
  announceOrderRelease(
    transaction: Kysely<LedgerDatabase>,
    account: string,
    orderId: string,
    waiting: boolean,
  ): Promise<void>;
  /** Resolves when an order's release is announced, or at `until` (epoch milliseconds) at the latest. */
  waitForOrderRelease(account: string, orderId: string, until: number): Promise<void>;
  close(): Promise<void>;
}
