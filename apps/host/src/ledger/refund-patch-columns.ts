import type { Updateable } from 'kysely';
import type { RefundPatch } from './ledger';
import type { RefundsTable } from './ledger-database';
import { toMilliseconds } from './to-milliseconds';

function count(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`${field} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

const optionalMilliseconds = (date: Date | null, field: string): number | null =>
  date === null ? null : toMilliseconds(date, field);

/** The columns a patch sets: an absent (undefined) field is left alone, null clears it. */
export function refundPatchColumns(patch: RefundPatch): Updateable<RefundsTable> {
  const columns: Updateable<RefundsTable> = {};
  if (patch.state !== undefined) columns.state = patch.state;
  if (patch.providerStatus !== undefined) columns.provider_status = patch.providerStatus;
  if (patch.providerRefundId !== undefined) columns.provider_refund_id = patch.providerRefundId;
  if (patch.failure !== undefined) {
    columns.failure_code = patch.failure === null ? null : patch.failure.code;
    columns.failure_message = patch.failure === null ? null : patch.failure.message;
  }
  if (patch.failureOutcome !== undefined) columns.failure_outcome = patch.failureOutcome;
  if (patch.attempts !== undefined) columns.attempts = count(patch.attempts, 'attempts');
  if (patch.checkFailures !== undefined) columns.check_failures = count(patch.checkFailures, 'checkFailures');
  if (patch.resends !== undefined) columns.resends = count(patch.resends, 'resends');
  if (patch.nextCheckAt !== undefined) {
    columns.next_check_at = optionalMilliseconds(patch.nextCheckAt, 'nextCheckAt');
  }
  if (patch.sentAt !== undefined) columns.sent_at = optionalMilliseconds(patch.sentAt, 'sentAt');
  if (patch.notFoundAt !== undefined)
    columns.not_found_at = optionalMilliseconds(patch.notFoundAt, 'notFoundAt');
  if (patch.leaseOwner !== undefined) columns.lease_owner = patch.leaseOwner;
  if (patch.leaseUntil !== undefined)
    columns.lease_until = optionalMilliseconds(patch.leaseUntil, 'leaseUntil');
  return columns;
}
