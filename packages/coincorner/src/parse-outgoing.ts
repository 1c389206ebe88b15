import { invalidRequest } from '@refunds/core';
import * as v from 'valibot';

/**
 * Validates what is about to be sent (strictly: an unknown field is refused too). The first problem becomes a
 * `not_sent` error naming the field, with `prefix` for fields nested in a larger input.
 */
export function parseOutgoing<Schema extends v.GenericSchema>(
  schema: Schema,
  value: unknown,
  prefix = '',
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  const field = [prefix, path].filter((part) => part !== '').join('.') || 'request';
  throw invalidRequest(field, `${field}: ${issue.message}`, 'coincorner');
}
