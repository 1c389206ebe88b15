import type { CallOptions } from '@refunds/core';
import type * as v from 'valibot';
import type { IotPaySender } from './create-iotpay-sender';
import type { JsonFieldValue } from './json/write-json-fields';
import { parseIotPayOptions } from './parse-iotpay-options';
import type { IotPaySettingReaders } from './read-iotpay-settings';

/** What one IOTPay endpoint is: the rest (validation, signing, the form, reading the answer) is the same for all. */
export interface IotPayOperationDefinition<
  Options extends v.GenericSchema,
  Response extends v.GenericSchema,
> {
  /** IOTPay's name for the operation, used in messages, e.g. `refund_order`. */
  operation: string;
  path: string | ((settings: IotPaySettingReaders) => string);
  /** Whether the call can move money; only calls that cannot are retried after they may have arrived. */
  writes: boolean;
  requireResultCode: boolean;
  optionsSchema: Options;
  responseSchema: Response;
  /** The signed fields, from the checked options and the account's settings. */
  fields(
    input: v.InferOutput<Options>,
    settings: IotPaySettingReaders,
  ): Readonly<Record<string, JsonFieldValue>>;
}

export type IotPayOperation<Options extends v.GenericSchema, Response extends v.GenericSchema> = (
  sender: IotPaySender,
  options: v.InferInput<Options>,
  callOptions?: CallOptions,
) => Promise<v.InferOutput<Response>>;

/** One IOTPay endpoint as a function: options are checked before anything is sent (`invalid_request`). */
export function iotpayOperation<Options extends v.GenericSchema, Response extends v.GenericSchema>(
  definition: IotPayOperationDefinition<Options, Response>,
): IotPayOperation<Options, Response> {
  return async (sender, options, callOptions) => {
    const input = parseIotPayOptions(definition.optionsSchema, options, definition.operation);
    const { settings } = sender;
    const { response } = await sender.send(
      {
        operation: definition.operation,
        path: typeof definition.path === 'string' ? definition.path : definition.path(settings),
        fields: definition.fields(input, settings),
        writes: definition.writes,
        requireResultCode: definition.requireResultCode,
        schema: definition.responseSchema,
      },
      callOptions,
    );
    return response;
  };
}
