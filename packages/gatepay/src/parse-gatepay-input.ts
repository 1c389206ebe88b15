import { parseOutgoing } from '@refunds/core/kit';
import type * as v from 'valibot';

/**
 * Validates what is about to be sent against GatePay's documented rules. A refusal is a RefundError
 * `invalid_request` / `not_sent` naming the field (`prefix.field`) and the rule it breaks.
 */
export function parseGatePayInput<const Schema extends v.GenericSchema>(
  schema: Schema,
  input: unknown,
  prefix?: string,
): v.InferOutput<Schema> {
  return parseOutgoing(schema, input, { provider: 'gatepay', prefix, describe: describeGatePayIssue });
}

function describeGatePayIssue(field: string, issue: v.BaseIssue<unknown>): string {
  const rule =
    issue.type === 'strict_object' && issue.expected === 'never'
      ? 'is not a field GatePay accepts here: remove it or check its spelling'
      : issue.type === 'object' || issue.type === 'strict_object'
        ? 'must be an object'
        : issue.message;
  return `${field} ${rule}.`;
}
