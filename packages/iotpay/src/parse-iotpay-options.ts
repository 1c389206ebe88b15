import { invalidRequest, type RefundError } from '@refunds/core';
import * as v from 'valibot';

/** Validates what a caller asks IOTPay to do; the first problem becomes an error naming the field and the rule. */
export function parseIotPayOptions<Schema extends v.GenericSchema>(
  schema: Schema,
  input: unknown,
  operation: string,
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = issue.path?.map((item) => String(item.key)).join('.') || 'options';
  throw invalidRequest(
    field,
    `IOTPay ${operation}: ${field} ${issue.message}`,
    'iotpay',
  ) satisfies RefundError;
}
