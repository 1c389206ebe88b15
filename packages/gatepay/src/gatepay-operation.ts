import type * as v from 'valibot';
import type { GatePayCallOptions, GatePaySender } from './create-gatepay-sender';
import { parseGatePayInput } from './parse-gatepay-input';
import type { GatePayResponse } from './read-gatepay-response';
import { stringifyGatePayBody } from './stringify-gatepay-body';

/** What one GatePay endpoint is: the rest (validation, body, signing, reading the answer) is the same for all. */
export interface GatePayOperationDefinition<Schema extends v.GenericSchema, Data> {
  method: 'GET' | 'POST';
  /** The path without the institution prefix, e.g. `/v1/pay/order/refund`. */
  path: string;
  /** Whether the call can move money; only calls that cannot are retried after they may have arrived. */
  writes: boolean;
  /** GatePay's documented rules for the body (POST) or the query (GET). */
  inputSchema: Schema;
  dataSchema: v.GenericSchema<unknown, Data>;
  /** Int64 ids GatePay's SDKs send as JSON numbers, written digit for digit. */
  integerFields?: readonly string[];
}

export type GatePayOperation<Schema extends v.GenericSchema, Data> = (
  sender: GatePaySender,
  input: v.InferInput<Schema>,
  options?: GatePayCallOptions,
) => Promise<GatePayResponse<Data>>;

/**
 * One GatePay endpoint as a function: the input is checked against GatePay's rules before anything is sent
 * (`invalid_request` / `not_sent`), a POST body is written losslessly and signed, a GET sends the input as its
 * query (GatePay signs the empty string then).
 */
export function gatePayOperation<Schema extends v.GenericSchema, Data>(
  definition: GatePayOperationDefinition<Schema, Data>,
): GatePayOperation<Schema, Data> {
  return async (sender, input, options) => {
    const checked = parseGatePayInput(definition.inputSchema, input) as Record<string, string>;
    return sender.send({
      method: definition.method,
      path: definition.path,
      ...(definition.method === 'GET'
        ? { query: checked }
        : { body: stringifyGatePayBody(checked, definition.integerFields) }),
      writes: definition.writes,
      dataSchema: definition.dataSchema,
      options,
    });
  };
}
