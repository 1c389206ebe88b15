import type * as v from 'valibot';
import { HostError } from '../refunds/host-error';
import { cutInput, quotedInputLength } from './cut-input';
import { quoteInput } from './quote-input';

/** More problems than this are counted, not listed: a body of a thousand unknown keys must not get a thousand lines back. */
const describedIssues = 5;

/** valibot's issues as one 422 that names each field and what is wrong with it. */
export function validationError(issues: readonly v.BaseIssue<unknown>[]): HostError {
  const describe = (issue: v.BaseIssue<unknown>) => {
    // Field names come from the client too (an unknown key is named back), so each is cut like a value.
    const path = issue.path?.map((item) => cutInput(String(item.key))).join('.');
    // A strict object reports a missing key and an unknown one alike, with the key in `issue.path`: a missing
    // key's value is undefined, an unknown one's is what the caller sent.
    const strictKey = issue.kind === 'schema' && issue.type === 'strict_object';
    const message = !strictKey
      ? withoutLongInput(issue)
      : issue.input === undefined
        ? 'is required'
        : 'is not a known field';
    return { field: path || undefined, text: `${path || 'body'}: ${message}` };
  };
  const described = issues.slice(0, describedIssues).map(describe);
  const more = issues.length - described.length;
  return new HostError(
    422,
    'invalid_request',
    [...described.map((item) => item.text), ...(more > 0 ? [`and ${more} more`] : [])].join('; '),
    described[0]?.field,
  );
}

/**
 * valibot's own messages quote what was received ('Expected ("a" | "b") but received "<the input>"'): a long
 * string input is quoted cut short instead.
 */
function withoutLongInput(issue: v.BaseIssue<unknown>): string {
  if (typeof issue.input !== 'string' || issue.input.length <= quotedInputLength) return issue.message;
  return issue.message.split(issue.received).join(quoteInput(issue.input));
}
