import type {
  NotificationInput,
  ReconciliationHints,
  RefundNotification,
  RefundProviderV1,
} from '@refunds/core';

/**
 * What `createBonusPay` returns: a `RefundProviderV1` whose reconciliation hints are always set and whose
 * notifications are always about a refund (BonusPay posts refund results to the refund's own `notifyUrl`).
 */
export interface BonusPayProvider extends RefundProviderV1 {
  readonly reconciliation: Required<ReconciliationHints>;
  verifyNotification(input: NotificationInput): Promise<RefundNotification & { kind: 'refund' }>;
}
