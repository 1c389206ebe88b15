import type { RefundErrorCode, RefundOutcome } from './refund-error-code';

export interface ErrorTableRow {
  code: RefundErrorCode;
  outcome: RefundOutcome;
  retryable?: boolean;
  /** What the provider's code means, in words a merchant can act on. */
  description: string;
  /**
   * The refusal can follow from an earlier attempt of the same refund having executed: the refund id is
   * already used, the amount exceeds what is still refundable, the order is already refunded. On a resend
   * (`CallOptions.resend`) such a row's outcome is `unknown`: evidence that the first attempt executed.
   */
  mayFollowExecution?: boolean;
}

/** A provider's documented error codes, mapped declaratively, one row per code. */
export type ErrorTable = Readonly<Record<string, ErrorTableRow>>;

/** Keeps the table's literal keys for exhaustive tests while checking every row's shape. */
export function defineErrorTable<const Table extends ErrorTable>(table: Table): Table {
  return Object.freeze(table);
}
