import { sql } from 'kysely';
import { acquireOrderLock } from './acquire-order-lock';
import { claimDue } from './claim-due';
import { countByState } from './count-by-state';
import { createRefund } from './create-refund';
import { fromJsonText } from './from-json-text';
import { insertEvent } from './insert-event';
import type { Ledger, RefundEvent } from './ledger';
import { type LedgerLogger, silentLogger } from './ledger-logger';
import type { LedgerStore } from './ledger-store';
import { listRefunds } from './list-refunds';
import { openPostgresStore } from './postgres-store';
import { recordNotification } from './record-notification';
import { openSqliteStore } from './sqlite-store';
import { toDate } from './to-date';
import { toRefundRecord } from './to-refund-record';
import { transitionRefund } from './transition-refund';

export interface CreateLedgerOptions {
  /** A postgres:// or postgresql:// URL selects PostgreSQL; without one the ledger is a SQLite file. */
  databaseUrl?: string;
  /** The SQLite file (its directory is created), or ':memory:'. Default `./data/refunds.sqlite`. */
  sqlitePath?: string;
  logger?: LedgerLogger;
}

export const defaultSqlitePath = './data/refunds.sqlite';

const postgresUrl = /^postgres(?:ql)?:\/\//i;

function openStore(options: CreateLedgerOptions, logger: LedgerLogger): Promise<LedgerStore> {
  const databaseUrl = options.databaseUrl?.trim() ?? '';
  if (postgresUrl.test(databaseUrl)) return openPostgresStore(databaseUrl, logger);
  if (databaseUrl !== '') {
    // Falling back to a local file here would quietly keep the money's records somewhere nobody looks.
    throw new Error('databaseUrl must start with postgres:// or postgresql:// (leave it unset for SQLite)');
  }
  return openSqliteStore(options.sqlitePath ?? defaultSqlitePath, logger);
}

/** Opens the ledger, creating and migrating its schema first; resolves once it is ready for writes. */
export async function createLedger(options: CreateLedgerOptions = {}): Promise<Ledger> {
  const logger = options.logger ?? silentLogger;
  const store = await openStore(options, logger);
  const { database } = store;
  logger.info({ dialect: store.dialect }, 'ledger ready');

  return {
    dialect: store.dialect,
    createRefund: (input) => createRefund(store, input),
    async getRefund(refundId) {
      const row = await database
        .selectFrom('refunds')
        .selectAll()
        .where('refund_id', '=', refundId)
        .executeTakeFirst();
      return row === undefined ? undefined : toRefundRecord(row);
    },
    listRefunds: (query) => listRefunds(store, query),
    transition: (refundId, change) => transitionRefund(store, refundId, change),
    async appendEvent(refundId, type, data) {
      const at = Date.now();
      await store.write(async (transaction) => {
        const refund = await transaction
          .selectFrom('refunds')
          .select('refund_id')
          .where('refund_id', '=', refundId)
          .executeTakeFirst();
        // The foreign key would refuse it too, with a message naming no refund.
        if (refund === undefined) throw new Error(`No refund ${refundId} to append a ${type} event to`);
        await insertEvent(transaction, { refundId, type, data, at });
      });
    },
    async events(refundId) {
      const rows = await database
        .selectFrom('refund_events')
        .selectAll()
        .where('refund_id', '=', refundId)
        .orderBy('id')
        .execute();
      return rows.map(
        (row): RefundEvent => ({
          id: String(row.id),
          refundId: row.refund_id,
          type: row.type,
          at: toDate(row.at),
          data: fromJsonText(row.data),
        }),
      );
    },
    async refundsOfOrder(account, orderId) {
      const rows = await database
        .selectFrom('refunds')
        .selectAll()
        .where('account', '=', account)
        .where('order_id', '=', orderId)
        .orderBy('created_at', 'desc')
        .orderBy('refund_id', 'desc')
        .execute();
      return rows.map(toRefundRecord);
    },
    acquireOrderLock: (account, orderId, owner, ttlMs) =>
      acquireOrderLock(store, { account, orderId, owner, ttlMs }),
    async releaseOrderLock(account, orderId, owner) {
      await store.write(
        (transaction) =>
          transaction
            .deleteFrom('order_locks')
            .where('account', '=', account)
            .where('order_id', '=', orderId)
            .where('owner', '=', owner)
            .execute(),
        { durable: false },
      );
    },
    claimDue: (owner, options) => claimDue(store, owner, options),
    recordNotification: (account, notificationId, data) =>
      recordNotification(store, { account, notificationId, data }),
    countByState: () => countByState(store),
    async ping() {
      await sql`select 1`.execute(database);
    },
    close: () => store.close(),
  };
}
