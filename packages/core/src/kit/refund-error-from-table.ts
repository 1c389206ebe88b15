import type { ErrorTable, ErrorTableRow } from '../errors/error-table';
import { RefundError } from '../errors/refund-error';
import type { RefundErrorCode, RefundOutcome } from '../errors/refund-error-code';
import { refusalOutcome } from '../errors/refusal-outcome';

/** The advice every provider gives after a write whose outcome is unknown. */
export const checkBeforeResending =
  'the refund may have been executed: check it with getRefund before sending it again';

export interface RefundErrorFromTableInput {
  provider: string;
  /** The provider's name for people, e.g. `GatePay`. Default `provider`. */
  providerName?: string;
  table: ErrorTable;
  /** The row's key; undefined or missing from the table is an undocumented answer. */
  key: string | undefined;
  /** The request could move money (a refund), not only read (a status query). */
  writes: boolean;
  /** The request sent again a refund whose earlier attempt may have executed (`CallOptions.resend`). */
  resend?: boolean | undefined;
  /** What happened, in the provider's words, before the table's explanation. */
  summary: string;
  providerCode?: string | undefined;
  providerMessage?: string | undefined;
  field?: string | undefined;
  /** Already redacted. */
  raw?: unknown;
  /** The code of an undocumented answer. Default `declined`. */
  undocumentedCode?: RefundErrorCode;
  /** Replaces the row's description, e.g. to name the refused field. */
  description?: string;
  /** Follows the summary of an undocumented answer. Default `, a code missing from <name>'s documented table`. */
  undocumented?: string;
}

/**
 * A provider's refusal as a `RefundError`, through its error table and the read/write outcome rules of
 * `refusalOutcome`. An undocumented answer says nothing certain about the money, so after a write it is
 * `unknown` and left to reconciliation; after a read it is `rejected`. The message always ends with what to do.
 */
export function refundErrorFromTable(input: RefundErrorFromTableInput): RefundError {
  const row = findErrorTableRow(input.table, input.key);
  const outcome: RefundOutcome = row
    ? refusalOutcome(row, { writes: input.writes, resend: input.resend })
    : input.writes
      ? 'unknown'
      : 'rejected';
  const evidence = row !== undefined && outcome === 'unknown' && row.outcome !== 'unknown';
  const explanation = row && (input.description ?? row.description);
  // A table written in whole sentences keeps them: the summary becomes a sentence and so does the advice.
  const sentences = explanation !== undefined && /[.!?]$/.test(explanation);
  const said =
    explanation === undefined
      ? `${input.summary}${input.undocumented ?? `, a code missing from ${input.providerName ?? input.provider}'s documented table`}`
      : `${input.summary}${sentences ? '. ' : ': '}${explanation}`;
  const advice = sentences ? sentenceAdviceFor(outcome, evidence, explanation) : adviceFor(outcome, evidence);
  return new RefundError({
    code: row?.code ?? input.undocumentedCode ?? 'declined',
    outcome,
    // An unknown outcome must be reconciled before anything is sent again.
    retryable: outcome === 'unknown' ? false : row?.retryable,
    provider: input.provider,
    providerCode: input.providerCode ?? input.key,
    providerMessage: input.providerMessage,
    field: input.field,
    raw: input.raw,
    message: `${said}${advice}`,
  });
}

/** The table's row for a key, never one inherited from `Object.prototype`. */
export function findErrorTableRow(table: ErrorTable, key: string | undefined): ErrorTableRow | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Why a refused resend is unknown, not failed, and what to do. */
const resendEvidence =
  'This was a resend of a refund whose earlier attempt may have executed, and that attempt having executed explains this refusal: the refund is unknown, not failed. Check it with getRefund; never refund it again under a new refundId.';

function adviceFor(outcome: RefundOutcome, evidenceOfExecution: boolean): string {
  if (evidenceOfExecution) return `. ${resendEvidence}`;
  return outcome === 'unknown' ? `; ${checkBeforeResending}.` : '.';
}

function sentenceAdviceFor(
  outcome: RefundOutcome,
  evidenceOfExecution: boolean,
  explanation: string,
): string {
  if (evidenceOfExecution) return ` ${resendEvidence}`;
  // A row that already sends the caller to getRefund says it once.
  if (outcome !== 'unknown' || /getRefund/.test(explanation)) return '';
  return ` The refund may have been executed: check it with getRefund before sending it again.`;
}
