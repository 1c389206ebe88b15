import { type Kysely, type Migration, sql } from 'kysely';
import type { LedgerDialect } from './ledger-dialect';

// Shipped migrations are never edited: a database that already ran one would silently differ from a fresh one.
// Add a new entry whose name sorts after the last instead.

const states = sql.raw(`'sending', 'pending', 'succeeded', 'failed', 'unknown', 'needs_attention'`);
const providerStatuses = sql.raw(`'pending', 'succeeded', 'failed'`);

function createLedgerSchema(dialect: LedgerDialect): Migration {
  // PostgreSQL compares ids byte-wise like SQLite, so both dialects page through refunds in the same order.
  const identifier = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(database: Kysely<unknown>): Promise<void> {
      await database.schema
        .createTable('refunds')
        .addColumn('refund_id', identifier, (column) => column.primaryKey())
        .addColumn('account', 'text', (column) => column.notNull())
        .addColumn('provider', 'text', (column) => column.notNull())
        .addColumn('order_id', 'text', (column) => column.notNull())
        .addColumn('amount', 'text', (column) => column.notNull())
        .addColumn('currency', 'text', (column) => column.notNull())
        .addColumn('request_hash', 'text', (column) => column.notNull())
        .addColumn('request', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('provider_status', 'text')
        .addColumn('provider_refund_id', 'text')
        .addColumn('failure_code', 'text')
        .addColumn('failure_message', 'text')
        .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('next_check_at', 'bigint')
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'bigint')
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        // A misspelt state would make a refund invisible to the reconciler, so the database refuses it.
        .addCheckConstraint('refunds_state_check', sql`state in (${states})`)
        .addCheckConstraint(
          'refunds_provider_status_check',
          sql`provider_status is null or provider_status in (${providerStatuses})`,
        )
        .addCheckConstraint('refunds_failure_check', sql`(failure_code is null) = (failure_message is null)`)
        .addCheckConstraint('refunds_attempts_check', sql`attempts >= 0`)
        .execute();

      // Serves refundsOfOrder, newest first.
      await database.schema
        .createIndex('refunds_account_order_id_created_at')
        .on('refunds')
        .columns(['account', 'order_id', 'created_at'])
        .execute();
      // Keyset pagination over everything, and over one account (the usual filter).
      await database.schema
        .createIndex('refunds_created_at_refund_id')
        .on('refunds')
        .columns(['created_at', 'refund_id'])
        .execute();
      await database.schema
        .createIndex('refunds_account_created_at_refund_id')
        .on('refunds')
        .columns(['account', 'created_at', 'refund_id'])
        .execute();
      // claimDue: due pending/unknown refunds, and `sending` ones whose lease ran out. The lease index leads
      // with the state so that finished refunds, whose old leases all lie in the past, are never scanned.
      await database.schema
        .createIndex('refunds_state_next_check_at')
        .on('refunds')
        .columns(['state', 'next_check_at'])
        .execute();
      await database.schema
        .createIndex('refunds_state_lease_until')
        .on('refunds')
        .columns(['state', 'lease_until'])
        .execute();

      await database.schema
        .createTable('refund_events')
        .$call((table) =>
          dialect === 'postgres'
            ? table.addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
            : // AUTOINCREMENT: ids of deleted rows are never reused, so ids only ever grow.
              table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement()),
        )
        .addColumn('refund_id', identifier, (column) => column.notNull())
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('at', 'bigint', (column) => column.notNull())
        .addColumn('data', 'text')
        .addForeignKeyConstraint('refund_events_refund_id_fkey', ['refund_id'], 'refunds', ['refund_id'])
        .execute();
      await database.schema
        .createIndex('refund_events_refund_id_id')
        .on('refund_events')
        .columns(['refund_id', 'id'])
        .execute();

      // The history is evidence of what happened to money: the database itself refuses to rewrite it.
      if (dialect === 'postgres') {
        await sql`
          create function refund_events_append_only() returns trigger language plpgsql as $$
          begin
            raise exception 'refund_events is append-only';
          end
          $$`.execute(database);
        await sql`
          create trigger refund_events_append_only before update or delete on refund_events
          for each statement execute function refund_events_append_only()`.execute(database);
        await sql`
          create trigger refund_events_no_truncate before truncate on refund_events
          for each statement execute function refund_events_append_only()`.execute(database);
      } else {
        await sql`
          create trigger refund_events_no_update before update on refund_events
          begin select raise(abort, 'refund_events is append-only'); end`.execute(database);
        await sql`
          create trigger refund_events_no_delete before delete on refund_events
          begin select raise(abort, 'refund_events is append-only'); end`.execute(database);
      }

      await database.schema
        .createTable('order_locks')
        .addColumn('account', 'text', (column) => column.notNull())
        .addColumn('order_id', 'text', (column) => column.notNull())
        .addColumn('owner', 'text', (column) => column.notNull())
        .addColumn('until', 'bigint', (column) => column.notNull())
        .addPrimaryKeyConstraint('order_locks_pkey', ['account', 'order_id'])
        .execute();

      await database.schema
        .createTable('notifications')
        .addColumn('account', 'text', (column) => column.notNull())
        .addColumn('notification_id', 'text', (column) => column.notNull())
        .addColumn('received_at', 'bigint', (column) => column.notNull())
        .addColumn('data', 'text')
        .addPrimaryKeyConstraint('notifications_pkey', ['account', 'notification_id'])
        .execute();
    },
  };
}

/**
 * refundsOfOrder sorts by (created_at, refund_id). Without refund_id in the order index, SQLite's planner
 * preferred the (account, created_at, refund_id) index, which spares the sort but reads every refund of the
 * account: a lookup that grew with the ledger (127 ms at a million refunds, bench/). With it, one order's
 * refunds are read from the index, already in order.
 */
const indexRefundsOfOrder: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createIndex('refunds_account_order_id_created_at_refund_id')
      .on('refunds')
      .columns(['account', 'order_id', 'created_at', 'refund_id'])
      .execute();
    // A prefix of the new index: it serves nothing the new one does not.
    await database.schema.dropIndex('refunds_account_order_id_created_at').execute();
  },
};

const failureOutcomes = sql.raw(`'not_sent', 'rejected', 'unknown'`);

/**
 * The evidence the reconciler keeps to decide without guessing (issue 13): what a failure proves, when the
 * refund was last sent and first reported missing since, failed checks in a row apart from pending answers, and
 * resends; and the nonces of provider keys shared by several hosts. One column per ALTER: SQLite takes no more.
 */
const recordEvidenceAndNonces: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .alterTable('refunds')
      .addColumn('failure_outcome', 'text', (column) =>
        column.check(sql`failure_outcome is null or failure_outcome in (${failureOutcomes})`),
      )
      .execute();
    await database.schema.alterTable('refunds').addColumn('sent_at', 'bigint').execute();
    await database.schema.alterTable('refunds').addColumn('not_found_at', 'bigint').execute();
    await database.schema
      .alterTable('refunds')
      .addColumn('check_failures', 'integer', (column) =>
        column.notNull().defaultTo(0).check(sql`check_failures >= 0`),
      )
      .execute();
    await database.schema
      .alterTable('refunds')
      .addColumn('resends', 'integer', (column) => column.notNull().defaultTo(0).check(sql`resends >= 0`))
      .execute();
    // A refund recorded before this migration was last sent no later than its last write, as far as the ledger
    // knows: the latest time is the safe guess, since a settle window counted from it ends later, not sooner.
    await sql`update refunds set sent_at = updated_at`.execute(database);

    await database.schema
      .createTable('nonces')
      .addColumn('scope', 'text', (column) => column.primaryKey())
      .addColumn('value', 'bigint', (column) => column.notNull())
      // Beyond 2^53 - 1 JavaScript could not tell two nonces apart: the database refuses to go there.
      .addCheckConstraint('nonces_value_check', sql`value between 0 and ${sql.lit(Number.MAX_SAFE_INTEGER)}`)
      .execute();
  },
};

/**
 * What people ask of the ledger (issue 15): the refunds in one state oldest first (those waiting longest for a
 * person), and the count of refunds per account and state, read from an index alone.
 */
const indexForOperators: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createIndex('refunds_state_created_at_refund_id')
      .on('refunds')
      .columns(['state', 'created_at', 'refund_id'])
      .execute();
    await database.schema
      .createIndex('refunds_account_state')
      .on('refunds')
      .columns(['account', 'state'])
      .execute();
  },
};

const deliveryStates = sql.raw(`'pending', 'delivered', 'abandoned'`);

/**
 * The webhook outbox (issue 16): an event row written in the same transaction as the refund change it reports,
 * one delivery row per subscribed endpoint beside it, and every attempt at posting it. The payload is kept as
 * the exact bytes that are signed and sent, so every attempt of one event sends the same body.
 */
function createWebhookOutbox(dialect: LedgerDialect): Migration {
  const identifier = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(database: Kysely<unknown>): Promise<void> {
      await database.schema
        .createTable('webhook_events')
        .addColumn('id', identifier, (column) => column.primaryKey())
        .addColumn('refund_id', identifier, (column) => column.notNull())
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('sequence', 'integer', (column) => column.notNull().check(sql`sequence > 0`))
        .addColumn('payload', 'text', (column) => column.notNull())
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addForeignKeyConstraint('webhook_events_refund_id_fkey', ['refund_id'], 'refunds', ['refund_id'])
        // Also the index that finds a refund's last sequence number.
        .addUniqueConstraint('webhook_events_refund_id_sequence', ['refund_id', 'sequence'])
        .execute();

      await database.schema
        .createTable('webhook_deliveries')
        .addColumn('id', identifier, (column) => column.primaryKey())
        .addColumn('event_id', identifier, (column) => column.notNull())
        .addColumn('endpoint_id', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull().check(sql`state in (${deliveryStates})`))
        .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0).check(sql`attempts >= 0`))
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('give_up_at', 'bigint', (column) => column.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'bigint')
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('delivered_at', 'bigint')
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .addForeignKeyConstraint('webhook_deliveries_event_id_fkey', ['event_id'], 'webhook_events', ['id'])
        .addUniqueConstraint('webhook_deliveries_event_id_endpoint_id', ['event_id', 'endpoint_id'])
        .execute();
      // The worker's claim: due pending deliveries, earliest first.
      await database.schema
        .createIndex('webhook_deliveries_state_next_attempt_at')
        .on('webhook_deliveries')
        .columns(['state', 'next_attempt_at'])
        .execute();
      // The age of the oldest undelivered event, for /metrics.
      await database.schema
        .createIndex('webhook_deliveries_state_created_at')
        .on('webhook_deliveries')
        .columns(['state', 'created_at'])
        .execute();

      await database.schema
        .createTable('webhook_attempts')
        .$call((table) =>
          dialect === 'postgres'
            ? table.addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
            : table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement()),
        )
        .addColumn('delivery_id', identifier, (column) => column.notNull())
        .addColumn('started_at', 'bigint', (column) => column.notNull())
        .addColumn('latency_ms', 'integer', (column) => column.notNull())
        .addColumn('status', 'integer')
        .addColumn('error', 'text')
        .addColumn('response_excerpt', 'text')
        .addColumn('instance', 'text', (column) => column.notNull())
        .addForeignKeyConstraint('webhook_attempts_delivery_id_fkey', ['delivery_id'], 'webhook_deliveries', [
          'id',
        ])
        .execute();
      await database.schema
        .createIndex('webhook_attempts_delivery_id_id')
        .on('webhook_attempts')
        .columns(['delivery_id', 'id'])
        .execute();
    },
  };
}

/**
 * Refunds per account and state kept as they change, in the same transactions (issue 19): /metrics and the
 * console read a few rows instead of counting a table of millions. Each change adds +1 or -1 to one of a few
 * stripes chosen at random, so concurrent transactions of one account seldom wait for the same row; a count is
 * the sum of its stripes.
 */
const keepRefundCounts: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .createTable('refund_counts')
      .addColumn('account', 'text', (column) => column.notNull())
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('stripe', 'integer', (column) => column.notNull())
      .addColumn('count', 'bigint', (column) => column.notNull())
      .addPrimaryKeyConstraint('refund_counts_pkey', ['account', 'state', 'stripe'])
      .execute();
    await sql`
      insert into refund_counts (account, state, stripe, count)
      select account, state, 0, count(*) from refunds group by account, state`.execute(database);
  },
};

/**
 * A waiter marks the order lock it waits for (issue 19), and only a marked lock's release is announced: on
 * PostgreSQL a transaction that sends NOTIFY takes a lock every such transaction shares until it has committed,
 * flush included, so announcing every release would commit the refunds' outcomes one at a time. SQLite leaves
 * the column alone: its waiters are woken in-process.
 */
const markAwaitedOrderLocks: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    await database.schema
      .alterTable('order_locks')
      .addColumn('waiting', 'boolean', (column) => column.notNull().defaultTo(false))
      .execute();
  },
};

/**
 * Every index of refunds takes an entry on every write, and every write on the refund path changes an indexed
 * column (state, lease_until or next_check_at), so PostgreSQL never updates a refund in place (HOT): a refund
 * cost 32 index entries over its record, outcome, claim and status check (issue 19). The reconciler's two
 * indexes now hold only the refunds it may claim, a few among millions of finished ones, and the (account,
 * state) index goes: refund_counts (0006) answers what it was made for. claimDue names the state as a
 * literal, so the planner can match these predicates, as it cannot with a parameter.
 */
const indexOnlyClaimableRefunds: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    // The state leads although the predicate fixes it: SQLite's planner, without statistics, otherwise prefers
    // the equality on state that refunds_state_created_at_refund_id offers, and sorts.
    await database.schema
      .createIndex('refunds_state_lease_until_sending')
      .on('refunds')
      .columns(['state', 'lease_until'])
      .where('state', '=', 'sending')
      .execute();
    await database.schema
      .createIndex('refunds_state_next_check_at_unsettled')
      .on('refunds')
      .columns(['state', 'next_check_at'])
      // Not `in`: SQLite proves `state = 'pending'` implies an OR of equalities, but not an IN list.
      .where((expression) =>
        expression.or([expression('state', '=', 'pending'), expression('state', '=', 'unknown')]),
      )
      .execute();
    await database.schema.dropIndex('refunds_state_lease_until').execute();
    await database.schema.dropIndex('refunds_state_next_check_at').execute();
    await database.schema.dropIndex('refunds_account_state').execute();
  },
};

/** The ledger's schema history; the Migrator applies them in name order. */
export function ledgerMigrations(dialect: LedgerDialect): Record<string, Migration> {
  return {
    '0001_create_ledger': createLedgerSchema(dialect),
    '0002_index_refunds_of_order': indexRefundsOfOrder,
    '0003_record_evidence_and_nonces': recordEvidenceAndNonces,
    '0004_index_for_operators': indexForOperators,
    '0005_create_webhook_outbox': createWebhookOutbox(dialect),
    '0006_keep_refund_counts': keepRefundCounts,
    '0007_mark_awaited_order_locks': markAwaitedOrderLocks,
    '0008_index_only_claimable_refunds': indexOnlyClaimableRefunds,
  };
}
