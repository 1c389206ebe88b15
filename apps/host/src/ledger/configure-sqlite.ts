import type BetterSqlite3 from 'better-sqlite3';
import type { LedgerLogger } from './ledger-logger';

/** Durability settings for a ledger database; verified, because a silently ignored pragma loses refunds. */
export function configureSqlite(sqlite: BetterSqlite3.Database, logger: LedgerLogger): void {
  // Set first: switching to WAL takes a lock another host process may hold for a moment.
  sqlite.pragma('busy_timeout = 5000');
  const journalMode = sqlite.pragma('journal_mode = WAL', { simple: true });
  if (journalMode !== 'wal' && !sqlite.memory) {
    // Still durable with synchronous = FULL, only slower and with readers blocking writers.
    logger.warn({ path: sqlite.name, journalMode }, 'SQLite refused WAL mode for the ledger');
  }
  // FULL syncs the WAL on every commit: NORMAL would let a power cut undo a refund recorded before the
  // provider call, and a retry would then send the money again.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const synchronous = sqlite.pragma('synchronous', { simple: true });
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true });
  if (synchronous !== 2 || foreignKeys !== 1) {
    throw new Error(
      `SQLite did not accept the ledger settings (synchronous ${String(synchronous)}, ` +
        `foreign_keys ${String(foreignKeys)})`,
    );
  }
}
