import { claimTerms } from './claim-terms';
import { type ClaimOptions, finalStates, type RefundRecord } from './ledger';
import type { LedgerStore } from './ledger-store';
import { toRefundRecord } from './to-refund-record';

/**
 * One guarded UPDATE, like a transition: PostgreSQL re-checks its WHERE against the latest committed row after
 * waiting for a concurrent claimer, and SQLite runs it under the write lock, so of concurrent claims of one
 * refund exactly one gets a row back. Unlike claimDue it ignores the schedule: a sync asks now.
 */
export async function claimRefund(
  store: LedgerStore,
  refundId: string,
  owner: string,
  options: ClaimOptions,
): Promise<RefundRecord | undefined> {
  const { now, leaseUntil, accounts } = claimTerms(options);
  if (accounts.length === 0) return undefined;
  const claimed = await store.write((transaction) =>
    transaction
      .updateTable('refunds')
      .set({ lease_owner: owner, lease_until: leaseUntil, updated_at: Date.now() })
      .where('refund_id', '=', refundId)
      .where('account', 'in', accounts)
      .where('state', 'not in', finalStates)
      .where((expression) =>
        expression.or([expression('lease_until', 'is', null), expression('lease_until', '<', now)]),
      )
      .returningAll()
      .executeTakeFirst(),
  );
  return claimed === undefined ? undefined : toRefundRecord(claimed);
}
