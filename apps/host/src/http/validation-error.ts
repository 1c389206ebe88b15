import type * as v from 'valibot';
import { HostError } from '../refunds/host-error';

/** valibot's issues as one 422 that names each field and what is wrong with it. */
export function validationError(issues: readonly v.BaseIssue<unknown>[]): HostError {
  const describe = (issue: v.BaseIssue<unknown>) => {
    const path = issue.path?.map((item) => String(item.key)).join('.');
    // A strict object reports a missing key and an unknown one alike, with the key in `issue.path`: a missing
    // key's value is undefined, an unknown one's is what the caller sent.
    const strictKey = issue.kind === 'schema' && issue.type === 'strict_object';
    const message = !strictKey
      ? issue.message
      : issue.input === undefined
        ? 'is required'
        : 'is not a known field';
    return { field: path || undefined, text: `${path || 'body'}: ${message}` };
  };
  const described = issues.map(describe);
  return new HostError(
    422,
    'invalid_request',
    described.map((item) => item.text).join('; '),
    described[0]?.field,
  );
}
