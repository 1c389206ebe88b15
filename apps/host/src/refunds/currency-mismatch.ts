import type { Money } from '@refunds/core';
import type { RefundRecord } from '../ledger/ledger';

/**
 * Why the provider's account of a refund cannot be the refund the ledger recorded, or undefined when it can.
 * Only the currency is compared: some providers report an order's amount rather than the refund's (CoinCorner
 * keeps no refund record), but none pays in another currency than asked unless the request was wrong and the
 * provider could not check it (GatePay's refund endpoints take no currency).
 */
export function currencyMismatch(refund: RefundRecord, reported: Money | undefined): string | undefined {
  if (!reported?.currency || reported.currency === refund.currency) return undefined;
  return (
    `${refund.provider} reports a refund of ${reported.amount} ${reported.currency}, but the ledger recorded ` +
    `${refund.amount} ${refund.currency}: it executed something other than what was asked`
  );
}
