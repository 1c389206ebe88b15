import type { ErrorTableRow } from './error-table';
import type { RefundOutcome } from './refund-error-code';

export interface RefusalContext {
  /** The request could move money (a refund), not only read (a status query). */
  writes: boolean;
  /** The request sends again a refund whose earlier attempt may have executed. */
  resend?: boolean;
}

/**
 * The outcome of a provider's refusal, from its error-table row and what the request was.
 * - A read cannot have executed anything, so "may have executed" rows are `rejected` there.
 * - A resend refused for a reason that the first attempt having executed would explain (id already used,
 *   nothing left to refund) proves nothing about that first attempt: `unknown`, never `rejected`, so the
 *   caller reconciles instead of recording a failure and refunding again under a new id.
 */
export function refusalOutcome(
  row: Pick<ErrorTableRow, 'outcome' | 'mayFollowExecution'>,
  context: RefusalContext,
): RefundOutcome {
  if (!context.writes) return row.outcome === 'unknown' ? 'rejected' : row.outcome;
  if (context.resend === true && row.mayFollowExecution === true) return 'unknown';
  return row.outcome;
}
