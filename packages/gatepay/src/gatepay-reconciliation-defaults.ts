import type { ReconciliationHints } from '@refunds/core';

/**
 * What the host assumes about GatePay when reconciling, unless an account overrides it. Inferred, since GatePay
 * documents neither:
 * - `settleWindowMs`, 6 minutes: GatePay accepts a request whose `X-GatePay-Timestamp` is within 5 minutes of its
 *   clock, so a copy of a lost request can still execute up to 5 minutes after it was signed; a minute more
 *   allows for clock skew. GatePay advises a details query 10 seconds after a V2 refund, so its read side itself
 *   is expected to lag by seconds, well inside the window. "Does not exist" counts as evidence only after it.
 * - `maximumPendingMs`, 24 hours: GatePay's notification schedule (15 s twice, 30 s, 3, 10 and 20 min, 30 min
 *   three times, 1 h, 3 h three times, 6 h twice) ends about 24 hours after a refund; one still pending then is
 *   beyond anything GatePay describes, and goes to a person.
 */
export const gatePayReconciliationDefaults = Object.freeze({
  settleWindowMs: 360_000,
  maximumPendingMs: 86_400_000,
}) satisfies Required<ReconciliationHints>;
