import type { RefundStatus } from '@refunds/core';

/**
 * BonusPay's refund status in the contract's terms. Only SUCCESS and FAILURE are final; CREATED, PayBy's
 * REFUNDED_SETTLED (deducted, not yet on chain) and any status added later stay pending.
 */
export function toRefundStatus(status: string): RefundStatus {
  if (status === 'SUCCESS') return 'succeeded';
  if (status === 'FAILURE') return 'failed';
  return 'pending';
}
