import type { QueryCreator } from 'kysely';
import type { LedgerDatabase } from './ledger-database';
import { refundPatchColumns } from './refund-patch-columns';
import type { RefundTransition } from './transition-refund';

/**
 * A guarded UPDATE's values by parameter name, and the shape its SQL follows from the change: the columns it
 * sets, how many states it moves from, and which guards it has. Built once per shape (prepareQuery).
 */
export interface GuardedUpdateTerms {
  shape: string;
  parameters: Record<string, unknown>;
}

const setPrefix = 'set.';
const fromPrefix = 'from.';

export function guardedUpdateTerms(
  refundId: string,
  change: RefundTransition,
  now: number,
): GuardedUpdateTerms {
  const columns = refundPatchColumns(change.patch);
  const parameters: Record<string, unknown> = {
    refundId,
    now,
    leaseOwner: change.leaseOwner,
    failureOutcome: change.failureOutcome,
  };
  for (const [column, value] of Object.entries(columns)) parameters[setPrefix + column] = value;
  change.from.forEach((state, index) => {
    parameters[fromPrefix + index] = state;
  });
  const shape = [
    Object.keys(columns).join(','),
    change.from.length,
    change.leaseOwner !== undefined,
    change.failureOutcome !== undefined,
  ].join('|');
  return { shape, parameters };
}

/**
 * The guarded UPDATE of a transition, from the first terms of its shape, with `parameter` standing for each
 * value. The guard is part of its WHERE, not a read before it: PostgreSQL re-evaluates it against the latest
 * committed row after waiting for a concurrent writer, and SQLite runs the transaction under its write lock, so
 * of concurrent transitions out of one state exactly one matches a row.
 */
export function guardedUpdate(
  database: QueryCreator<LedgerDatabase>,
  parameter: (name: string) => unknown,
  first: Record<string, unknown>,
) {
  const value = (name: string) => parameter(name) as never;
  const names = Object.keys(first);
  const set = Object.fromEntries(
    names
      .filter((name) => name.startsWith(setPrefix))
      .map((name) => [name.slice(setPrefix.length), value(name)]),
  );
  let update = database
    .updateTable('refunds')
    .set({ ...set, updated_at: value('now') })
    .where('refund_id', '=', value('refundId'))
    .where('state', 'in', names.filter((name) => name.startsWith(fromPrefix)).map(value));
  if (first.leaseOwner !== undefined) {
    // Owner only, not expiry: an expired lease nobody has claimed is still the owner's, and the result it
    // brings back from the provider is the truth. A claimer that took over has changed the owner.
    update = update.where('lease_owner', '=', value('leaseOwner'));
  }
  if (first.failureOutcome !== undefined) {
    // Resending a failed refund under its id is safe only while it provably never left: of concurrent resends
    // the first clears the outcome, and the others then match no row.
    update = update.where('failure_outcome', '=', value('failureOutcome'));
  }
  return update;
}
