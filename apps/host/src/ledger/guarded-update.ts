import type { QueryCreator } from 'kysely';
import type { LedgerDatabase } from './ledger-database';
import { refundPatchColumns } from './refund-patch-columns';
import type { RefundTransition } from './transition-refund';

/**
 * The guarded UPDATE of a transition. The guard is part of its WHERE, not a read before it: PostgreSQL
 * re-evaluates it against the latest committed row after waiting for a concurrent writer, and SQLite runs the
 * transaction under its write lock, so of concurrent transitions out of one state exactly one matches a row.
 */
export function guardedUpdate(
  database: QueryCreator<LedgerDatabase>,
  refundId: string,
  change: RefundTransition,
  now: number,
) {
  let update = database
    .updateTable('refunds')
    .set({ ...refundPatchColumns(change.patch), updated_at: now })
    .where('refund_id', '=', refundId)
    .where('state', 'in', change.from);
  if (change.leaseOwner !== undefined) {
    // Owner only, not expiry: an expired lease nobody has claimed is still the owner's, and the result it
    // brings back from the provider is the truth. A claimer that took over has changed the owner.
    update = update.where('lease_owner', '=', change.leaseOwner);
  }
  if (change.failureOutcome !== undefined) {
    // Resending a failed refund under its id is safe only while it provably never left: of concurrent resends
    // the first clears the outcome, and the others then match no row.
    update = update.where('failure_outcome', '=', change.failureOutcome);
  }
  return update;
}
