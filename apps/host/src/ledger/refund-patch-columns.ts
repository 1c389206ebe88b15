import type { Updateable } from 'kysely';
import type { RefundPatch } from './ledger';
import type { RefundsTable } from './ledger-database';
import { toMilliseconds } from './to-milliseconds';

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
  if (patch.attempts !== undefined) {
    if (!Number.isSafeInteger(patch.attempts) || patch.attempts < 0) {
      throw new TypeError(`attempts must be a non-negative integer, got ${String(patch.attempts)}`);
    }
    columns.attempts = patch.attempts;
  }
  if (patch.nextCheckAt !== undefined) {
    columns.next_check_at =
      patch.nextCheckAt === null ? null : toMilliseconds(patch.nextCheckAt, 'nextCheckAt');
  }
  if (patch.leaseOwner !== undefined) columns.lease_owner = patch.leaseOwner;
  if (patch.leaseUntil !== undefined) {
    columns.lease_until = patch.leaseUntil === null ? null : toMilliseconds(patch.leaseUntil, 'leaseUntil');
  }
  return columns;
}
