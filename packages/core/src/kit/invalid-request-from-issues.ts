import type { BaseIssue, GenericSchema, InferOutput } from 'valibot';
import { safeParse } from 'valibot';
import { invalidRequest } from '../errors/invalid-request';
import type { RefundError } from '../errors/refund-error';

export interface IssueContext {
  /** Names the provider in the error (`RefundError.provider`). */
  provider: string;
  /** Put before the issue's path, for a value nested in a larger input (`providerOptions`). */
  prefix?: string;
  /** The field named when the issue has no path. Default `request`. */
  root?: string;
  /** Writes the message from the field and the issue; default `<field> <valibot's message>.`. */
  describe?: (field: string, issue: BaseIssue<unknown>) => string;
}

/** The dotted field an issue is about, with the context's prefix. */
export function issueField(
  issue: BaseIssue<unknown> | undefined,
  context: Omit<IssueContext, 'provider'>,
): string {
  const path = issue?.path?.map((item) => String(item.key)).join('.') ?? '';
  return (
    [context.prefix, path].filter((part) => part !== undefined && part !== '').join('.') ||
    (context.root ?? 'request')
  );
}

/**
 * The first problem valibot found in what was about to be sent, as an `invalid_request` / `not_sent` error that
 * names the provider, the field and the rule: nothing left, so the money certainly did not move.
 */
export function invalidRequestFromIssues(
  issues: readonly BaseIssue<unknown>[],
  context: IssueContext,
): RefundError {
  const issue = issues[0];
  const field = issueField(issue, context);
  const message =
    issue && context.describe
      ? context.describe(field, issue)
      : `${field} ${issue?.message ?? 'is invalid'}.`;
  return invalidRequest(field, message, context.provider);
}

/** Validates an outgoing value; the first problem is thrown as `invalidRequestFromIssues` describes it. */
export function parseOutgoing<const Schema extends GenericSchema>(
  schema: Schema,
  value: unknown,
  context: IssueContext,
): InferOutput<Schema> {
  const result = safeParse(schema, value);
  if (result.success) return result.output;
  throw invalidRequestFromIssues(result.issues, context);
}
