import type { CallOptions } from '@refunds/core';
import type * as v from 'valibot';
import type { IotPayCredentials } from './iotpay-credentials';
import type { JsonFieldValue } from './json/write-json-fields';
import { parseIotPayOptions } from './parse-iotpay-options';
import { type IotPayRequestContext, sendIotPayRequest } from './send-iotpay-request';

/** What one IOTPay endpoint is: the rest (validation, signing, the form, reading the answer) is the same for all. */
export interface IotPayOperationDefinition<
  Options extends v.GenericSchema,
  Response extends v.GenericSchema,
> {
  /** IOTPay's name for the operation, used in messages, e.g. `refund_order`. */
  operation: string;
  path: string | ((credentials: IotPayCredentials) => string);
  /** Whether the call can move money; only calls that cannot are retried after they may have arrived. */
  writes: boolean;
  requireResultCode: boolean;
  optionsSchema: Options;
  responseSchema: Response;
  /** The signed fields, from the checked options and the account's credentials. */
  fields(
    input: v.InferOutput<Options>,
    credentials: IotPayCredentials,
  ): Readonly<Record<string, JsonFieldValue>>;
}

export type IotPayOperation<Options extends v.GenericSchema, Response extends v.GenericSchema> = (
  context: IotPayRequestContext,
  options: v.InferInput<Options>,
  callOptions?: CallOptions,
) => Promise<v.InferOutput<Response>>;

/** One IOTPay endpoint as a function: options are checked before anything is sent (`invalid_request`). */
export function iotpayOperation<Options extends v.GenericSchema, Response extends v.GenericSchema>(
  definition: IotPayOperationDefinition<Options, Response>,
): IotPayOperation<Options, Response> {
  return async (context, options, callOptions) => {
    const input = parseIotPayOptions(definition.optionsSchema, options, definition.operation);
    const { credentials } = context;
    const { response } = await sendIotPayRequest(
      context,
      {
        operation: definition.operation,
        path: typeof definition.path === 'string' ? definition.path : definition.path(credentials),
        fields: definition.fields(input, credentials),
        writes: definition.writes,
        requireResultCode: definition.requireResultCode,
        schema: definition.responseSchema,
      },
      callOptions,
    );
    return response;
  };
}
