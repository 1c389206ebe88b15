import { sql } from 'kysely';
import { acquireOrderLock } from './acquire-order-lock';
import { claimDue } from './claim-due';
import { claimRefund } from './claim-refund';
import { countByState } from './count-by-state';
import { countByStateAndAccount } from './count-by-state-and-account';
import { createRefund } from './create-refund';
import { releaseOrderLock } from './delete-order-lock';
import type { Ledger, WebhookOutbox } from './ledger';
import { type LedgerLogger, silentLogger } from './ledger-logger';
import type { LedgerStore } from './ledger-store';
import { listRefunds } from './list-refunds';
import { nextNonce } from './next-nonce';
import { openPostgresStore } from './postgres-store';
import { recordAndApplyNotification } from './record-and-apply-notification';
import { recordNotification } from './record-notification';
import { recordRefund } from './record-refund';
import { refundOperations } from './refund-operations';
import { openSqliteStore } from './sqlite-store';
import { toMilliseconds } from './to-milliseconds';
import { webhookOperations } from './webhook-operations';

export interface CreateLedgerOptions {
  /** A postgres:// or postgresql:// URL selects PostgreSQL; without one the ledger is a SQLite file. */
  databaseUrl?: string;
  /** The SQLite file (its directory is created), or ':memory:'. Default `./data/refunds.sqlite`. */
  sqlitePath?: string;
  logger?: LedgerLogger;
  /**
   * The endpoints that hear of refund changes: each change's webhook event is written with it, and a delivery
   * per subscribed endpoint. Default: events are written, delivered to nobody.
   */
  webhooks?: WebhookOutbox;
}

/** Three days, as the Standard Webhooks senders retry. */
export const defaultWebhookGiveUpAfterMs = 3 * 24 * 60 * 60 * 1000;

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
  const outbox = options.webhooks ?? { endpoints: [], giveUpAfterMs: defaultWebhookGiveUpAfterMs };
  logger.info({ dialect: store.dialect }, 'ledger ready');

  return {
    dialect: store.dialect,
    ...refundOperations(store, outbox),
    ...webhookOperations(store, outbox),
    createRefund: (input) => createRefund(store, input),
    listRefunds: (query) => listRefunds(store, query),
    acquireOrderLock: (account, orderId, owner, ttlMs) =>
      acquireOrderLock(store, { account, orderId, owner, ttlMs }),
    releaseOrderLock: (account, orderId, owner) => releaseOrderLock(store, { account, orderId, owner }),
    recordRefund: (input, lock) => recordRefund(store, input, lock),
    waitForOrderRelease: (account, orderId, until) =>
      store.waitForOrderRelease(account, orderId, toMilliseconds(until, 'until')),
    claimDue: (owner, options) => claimDue(store, owner, options),
    claimRefund: (refundId, owner, options) => claimRefund(store, refundId, owner, options),
    recordNotification: (account, notificationId, data) =>
      store.write((transaction) => recordNotification(transaction, { account, notificationId, data })),
    applyNotification: (account, notificationId, data, apply) =>
      recordAndApplyNotification(store, outbox, { account, notificationId, data }, apply),
    nextNonce: (scope, floor) => nextNonce(store, scope, floor),
    countByState: () => countByState(store),
    countByStateAndAccount: () => countByStateAndAccount(store),
    async ping() {
      await sql`select 1`.execute(database);
    },
    close: () => store.close(),
  };
}
