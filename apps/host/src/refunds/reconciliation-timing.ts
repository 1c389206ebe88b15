import type { ReconciliationHints } from '@refunds/core';
import type { AccountProvider } from './refund-service';

export interface ReconciliationTiming {
  /** After an unknown outcome, "not found" is evidence only this long after the last send, twice this far apart. */
  settleWindowMs: number;
  /** A refund still pending this long after it was created is handed to a person. */
  maximumPendingMs: number;
}

/** For a provider that says nothing: a minute of read lag, three days of pending. */
export const defaultReconciliationTiming: ReconciliationTiming = {
  settleWindowMs: 60_000,
  maximumPendingMs: 3 * 24 * 60 * 60 * 1000,
};

/** The account's own settings (from the config) over the provider's defaults over the host's. */
export function reconciliationTiming(account: AccountProvider): ReconciliationTiming {
  return {
    ...defaultReconciliationTiming,
    ...definedOnly(account.provider.reconciliation),
    ...definedOnly(account.reconciliation),
  };
}

function definedOnly(hints: ReconciliationHints | undefined): Partial<ReconciliationTiming> {
  if (!hints) return {};
  return Object.fromEntries(Object.entries(hints).filter(([, value]) => value !== undefined));
}
