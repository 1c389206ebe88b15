import { type Kysely, sql } from 'kysely';
import { claimTerms } from './claim-terms';
import type { ClaimOptions, RefundRecord } from './ledger';
import type { LedgerDatabase } from './ledger-database';
import type { LedgerDialect } from './ledger-dialect';
import type { LedgerStore } from './ledger-store';
import { toRefundRecord } from './to-refund-record';

/** However many a caller asks for, one claim stays a short transaction. */
export const maximumClaim = 1000;

export interface ClaimDueOptions extends ClaimOptions {
  limit: number;
}

/**
 * Each kind of due refund is claimed by its own index-backed UPDATE, most urgent first: an expired `sending`
 * lease (a provider call whose outcome nobody knows), then `unknown`, then `pending`.
 */
export const claimKinds = [
  { state: 'sending', dueColumn: 'lease_until' },
  { state: 'unknown', dueColumn: 'next_check_at' },
  { state: 'pending', dueColumn: 'next_check_at' },
] as const;

export type ClaimKind = (typeof claimKinds)[number];

/**
 * The ids of due refunds of one kind and of `accounts` (never empty), oldest due first, locked for the claim on
 * PostgreSQL. The state index finds them; the account is a filter on its rows.
 */
export function dueCandidates(
  transaction: Kysely<LedgerDatabase>,
  dialect: LedgerDialect,
  kind: ClaimKind,
  now: number,
  limit: number,
  accounts: readonly string[],
) {
  let candidates = transaction
    .selectFrom('refunds')
    .select('refund_id')
    // A literal, not a parameter: the state indexes are partial, and a planner matches their predicate only
    // against a value it can see (SQLite never, PostgreSQL not in a prepared statement's generic plan).
    .where('state', '=', sql.lit(kind.state))
    .where('account', 'in', accounts)
    // A `sending` refund without a lease has nobody to wait for, so it is due at once.
    .where((expression) =>
      expression.or([expression('lease_until', 'is', null), expression('lease_until', '<', now)]),
    )
    .orderBy(kind.dueColumn)
    .limit(limit);
  if (kind.dueColumn === 'next_check_at') candidates = candidates.where('next_check_at', '<=', now);
  return dialect === 'postgres' ? candidates.forUpdate().skipLocked() : candidates;
}

/**
 * Atomic across host instances. PostgreSQL: the candidates are locked `FOR UPDATE SKIP LOCKED` in a subquery,
 * so a concurrent claimer passes over rows another holds, and a row claimed since this statement's snapshot is
 * re-checked against its new lease and dropped. SQLite: the whole claim runs under the IMMEDIATE write lock.
 * A refund under a live lease is never claimed, whatever its state, so a second claimer cannot take a refund
 * the first is still working on.
 */
export async function claimDue(
  store: LedgerStore,
  owner: string,
  options: ClaimDueOptions,
): Promise<RefundRecord[]> {
  const { now, leaseUntil, accounts } = claimTerms(options);
  const limit = Number.isNaN(options.limit)
    ? 0
    : Math.min(maximumClaim, Math.max(0, Math.trunc(options.limit)));
  // A host with no accounts (or a canary configured for others) takes nobody's refunds.
  if (limit === 0 || accounts.length === 0) return [];

  return store.write(async (transaction) => {
    const claimed: RefundRecord[] = [];
    for (const kind of claimKinds) {
      const remaining = limit - claimed.length;
      if (remaining === 0) break;
      const candidates = dueCandidates(transaction, store.dialect, kind, now, remaining, accounts);
      const rows = await transaction
        .updateTable('refunds')
        .set({ lease_owner: owner, lease_until: leaseUntil, updated_at: Date.now() })
        .where('refund_id', 'in', candidates)
        .returningAll()
        .execute();
      claimed.push(...rows.map(toRefundRecord));
    }
    return claimed;
  });
}
