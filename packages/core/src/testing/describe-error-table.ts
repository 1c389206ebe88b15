import { describe, expect, it } from 'vitest';
import type { ErrorTable } from '../errors/error-table';
import { RefundError } from '../errors/refund-error';
import type { RefundErrorCode, RefundOutcome } from '../errors/refund-error-code';

/**
 * One documented code and what a merchant must be told, written out in the test (never read from the table
 * under test): [key, error code, outcome of a first refund attempt, outcome of a resend], then whatever the
 * provider's test needs to provoke the row (e.g. the answer's head), which the suite ignores.
 */
export type ExpectedErrorRow = readonly [
  key: string,
  code: RefundErrorCode,
  outcome: RefundOutcome,
  outcomeOnResend: RefundOutcome,
  ...provoking: unknown[],
];

export interface ErrorTableSubject {
  provider: string;
  table: ErrorTable;
  /** Every documented key, exactly: a row added or lost in the table fails the suite. */
  expected: readonly ExpectedErrorRow[];
  /**
   * Provokes the row's answer through the provider's real code path (a sandbox or a fake fetch, real
   * signatures) and returns what the caller gets. `resend` is `CallOptions.resend`.
   */
  provoke(key: string, options: { resend: boolean }): Promise<unknown>;
  /** The row keys `provoke` cannot reach (e.g. a nonce refusal the sandbox keeps for itself), with why. */
  unreachable?: Readonly<Record<string, string>>;
}

/**
 * The error-table suite every provider runs: the table holds exactly the documented keys, the rows an executed
 * earlier attempt would explain are exactly those whose resend becomes `unknown`, and each row, provoked over
 * the wire, gives the documented code and outcome on a first attempt and on a resend.
 */
export function describeErrorTable(subject: ErrorTableSubject): void {
  describe(`${subject.provider} error table`, () => {
    it('maps exactly the documented keys, each explained', () => {
      expect(Object.keys(subject.table).sort()).toEqual(subject.expected.map(([key]) => key).sort());
      for (const [key, row] of Object.entries(subject.table)) {
        expect(row.description.length, `${key} has a description`).toBeGreaterThan(10);
      }
    });

    it('flags exactly the refusals an executed earlier attempt would explain', () => {
      const flagged = Object.entries(subject.table)
        .filter(([, row]) => row.mayFollowExecution === true)
        .map(([key]) => key)
        .sort();
      const expected = subject.expected
        .filter(([, , outcome, outcomeOnResend]) => outcome !== 'unknown' && outcomeOnResend === 'unknown')
        .map(([key]) => key)
        .sort();
      expect(flagged).toEqual(expected);
    });

    for (const [key, code, outcome, outcomeOnResend] of subject.expected) {
      const skip = subject.unreachable?.[key];
      it.skipIf(skip !== undefined)(
        `maps ${key} to ${code} / ${outcome}, and ${outcomeOnResend} on a resend`,
        async () => {
          const first = await refundErrorOf(subject.provoke(key, { resend: false }));
          expect(first).toMatchObject({ code, outcome, provider: subject.provider });
          const resent = await refundErrorOf(subject.provoke(key, { resend: true }));
          expect(resent).toMatchObject({ code, outcome: outcomeOnResend, provider: subject.provider });
          // An outcome that may have executed must send the caller to reconcile, never to resend blindly.
          if (resent.outcome === 'unknown') {
            expect(resent.retryable).toBe(false);
            expect(resent.message).toMatch(/getRefund/);
          }
        },
      );
    }
  });
}

/** The `RefundError` a promise rejects with; fails the test on anything else. */
export async function refundErrorOf(promise: Promise<unknown>): Promise<RefundError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(RefundError.isInstance(error), `expected a RefundError, got ${String(error)}`).toBe(true);
  return error as RefundError;
}
