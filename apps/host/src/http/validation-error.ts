import type * as v from 'valibot';
import { HostError } from '../refunds/host-error';

/** valibot's issues as one 422 that names each field and what is wrong with it. */
export function validationError(issues: readonly v.BaseIssue<unknown>[]): HostError {
  const describe = (issue: v.BaseIssue<unknown>) => {
    const path = issue.path?.map((item) => String(item.key)).join('.');
    // valibot names unknown keys of a strict object in `issue.path` too; say what is wrong with them.
    const message =
      issue.kind === 'schema' && issue.type === 'strict_object' ? 'is not a known field' : issue.message;
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
