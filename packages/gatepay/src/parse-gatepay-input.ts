import { invalidRequest } from '@refunds/core';
import * as v from 'valibot';

/**
 * Validates what is about to be sent against GatePay's documented rules. A refusal is a RefundError
 * `invalid_request` / `not_sent` naming the field (`prefix.field`) and the rule it breaks.
 */
export function parseGatePayInput<const Schema extends v.GenericSchema>(
  schema: Schema,
  input: unknown,
  prefix?: string,
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  const field = [prefix, path].filter((part) => part !== undefined && part !== '').join('.') || 'request';
  const rule =
    issue.type === 'strict_object' && issue.expected === 'never'
      ? 'is not a field GatePay accepts here: remove it or check its spelling'
      : issue.type === 'object' || issue.type === 'strict_object'
        ? 'must be an object'
        : issue.message;
  return failWith(field, rule);
}

function failWith(field: string, rule: string): never {
  throw invalidRequest(field, `${field} ${rule}.`, 'gatepay');
}
