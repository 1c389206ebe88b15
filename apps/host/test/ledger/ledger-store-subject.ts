import type { CreateLedgerOptions } from '../../src/ledger/create-ledger';
import type { Ledger } from '../../src/ledger/ledger';
import type { LedgerDialect } from '../../src/ledger/ledger-dialect';

/** One empty database of the dialect under test. */
export interface LedgerStoreSubject {
  /** Opens a ledger on this database; every call is another instance, as another host process would open. */
  open(options?: Pick<CreateLedgerOptions, 'webhooks'>): Promise<Ledger>;
  /** Runs one SQL statement directly, to show what the database itself refuses. */
  execute(statement: string): Promise<void>;
  dispose(): Promise<void>;
}

/** What each dialect's test file hands the ledger suites: its dialect, and a fresh empty database per test. */
export interface LedgerSuiteOptions {
  dialect: LedgerDialect;
  createStore: () => Promise<LedgerStoreSubject>;
}
