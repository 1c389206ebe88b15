import { describe } from 'vitest';
import { describeLedgerClaims } from './describe-ledger-claims';
import { describeLedgerCounts } from './describe-ledger-counts';
import { describeLedgerCreateRefund } from './describe-ledger-create-refund';
import { describeLedgerEvents } from './describe-ledger-events';
import { describeLedgerLifecycle } from './describe-ledger-lifecycle';
import { describeLedgerLists } from './describe-ledger-lists';
import { describeLedgerNonces } from './describe-ledger-nonces';
import { describeLedgerNotifications } from './describe-ledger-notifications';
import { describeLedgerOrderLocks } from './describe-ledger-order-locks';
import { describeLedgerTransition } from './describe-ledger-transition';
import type { LedgerSuiteOptions } from './ledger-store-subject';

export type { LedgerStoreSubject, LedgerSuiteOptions } from './ledger-store-subject';

/**
 * The behaviour every ledger store owes the host, run identically against each dialect, one suite per concern.
 * Each test gets a fresh, empty database; `open` twice gives two instances on it, like two host processes.
 */
export function describeLedger(name: string, options: LedgerSuiteOptions): void {
  describe(`ledger conformance: ${name}`, () => {
    describeLedgerCreateRefund(options);
    describeLedgerTransition(options);
    describeLedgerEvents(options);
    describeLedgerLists(options);
    describeLedgerOrderLocks(options);
    describeLedgerClaims(options);
    describeLedgerNotifications(options);
    describeLedgerNonces(options);
    describeLedgerCounts(options);
    describeLedgerLifecycle(options);
  });
}
