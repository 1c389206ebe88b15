import { parseOutgoing } from '@refunds/core/kit';
import type * as v from 'valibot';

/** Validates what a caller asks IOTPay to do; the first problem becomes an error naming the field and the rule. */
export function parseIotPayOptions<Schema extends v.GenericSchema>(
  schema: Schema,
  input: unknown,
  operation: string,
): v.InferOutput<Schema> {
  return parseOutgoing(schema, input, {
    provider: 'iotpay',
    root: 'options',
    describe: (field, issue) => `IOTPay ${operation}: ${field} ${issue.message}`,
  });
}
