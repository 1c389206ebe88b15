import type { RefundErrorCode, RefundOutcome } from './refund-error-code';

export interface ErrorTableRow {
  code: RefundErrorCode;
  outcome: RefundOutcome;
  retryable?: boolean;
  /** What the provider's code means, in words a merchant can act on. */
  description: string;
}

/** A provider's documented error codes, mapped declaratively, one row per code. */
export type ErrorTable = Readonly<Record<string, ErrorTableRow>>;

/** Keeps the table's literal keys for exhaustive tests while checking every row's shape. */
export function defineErrorTable<const Table extends ErrorTable>(table: Table): Table {
  return Object.freeze(table);
}
