import type { RefundStatus } from '@refunds/core';

// GatePay documents SUCCESS/FAIL (v1 query) and REFUND_SUCCESS/REFUND_PROCESS/REFUND_REJECTED (notifications);
// the V2 details `status` values are not documented at all.
const succeeded = new Set(['SUCCESS', 'REFUND_SUCCESS']);
const failed = new Set(['FAIL', 'FAILED', 'REFUND_FAIL', 'REFUND_FAILED', 'REJECTED', 'REFUND_REJECTED']);

/**
 * A GatePay refund status as `refunds-v1` reads it. Anything not known to be final (PROCESS, an empty or an
 * undocumented value) stays `pending`: a refund is never reported done, or failed, on a guess.
 */
export function mapGatePayRefundStatus(value: string | null | undefined): RefundStatus {
  const status = (value ?? '').trim().toUpperCase();
  if (succeeded.has(status)) return 'succeeded';
  if (failed.has(status)) return 'failed';
  return 'pending';
}
