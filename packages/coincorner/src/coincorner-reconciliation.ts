import type { ReconciliationHints } from '@refunds/core';

/**
 * What the host's reconciler should expect from CoinCorner, none of it documented (inferred, so each is a
 * setting: `reconciliation` in the account's settings):
 * - settleWindowMs, 2 minutes: CheckOrder reads the order RefundOrder changed, so it should show Pending Refund
 *   (-4) at once; two minutes leaves room for a replica or cache behind the API before "no refund" counts.
 * - maximumPendingMs, 3 days: a refund is a Bitcoin payment CoinCorner sends; one still Pending Refund after
 *   three days (weekends, manual review) needs a person to ask CoinCorner.
 */
export const coincornerReconciliationDefaults: Readonly<Required<ReconciliationHints>> = Object.freeze({
  settleWindowMs: 120_000,
  maximumPendingMs: 3 * 24 * 60 * 60 * 1000,
});
