import {
  type CallOptions,
  createHttpTransport,
  createRedactor,
  type HttpTransport,
  parseJsonResponse,
  type Redactor,
} from '@refunds/core';
import type { GenericSchema, InferOutput } from 'valibot';
import { encodeIotPayRequest } from './encode-iotpay-request';
import type { IotPayClientSettings } from './iotpay-settings';
import type { JsonFieldValue } from './json/write-json-fields';
import { readIotPayResponse } from './read-iotpay-response';
import { type IotPaySettingReaders, readIotPaySettings } from './read-iotpay-settings';

/** What every IOTPay operation shares: one transport, the settings and the redactor built from them. */
export interface IotPaySender {
  settings: IotPaySettingReaders;
  redactor: Redactor;
  /** Signs the fields, posts them as IOTPay's `params` form, and returns the verified, validated answer. */
  send<Schema extends GenericSchema>(
    request: IotPayRequest<Schema>,
    options?: CallOptions,
  ): Promise<IotPayAnswer<InferOutput<Schema>>>;
}

interface IotPaySenderContext {
  transport(): HttpTransport;
  settings: IotPaySettingReaders;
  redactor: Redactor;
  requireSignedResponses: boolean;
}

/**
 * The one module that talks to IOTPay. The settings stay in this closure, never on a returned object, so logging
 * a client cannot print the merchant key.
 */
export function createIotPaySender(settings: IotPayClientSettings): IotPaySender {
  const readers = readIotPaySettings(settings);
  const redactor = createRedactor(readers.secrets);
  let transport: HttpTransport | undefined;
  const context: IotPaySenderContext = {
    settings: readers,
    redactor,
    requireSignedResponses: settings.requireSignedResponses ?? true,
    // Built at the first call, so that a bad base URL is reported then, as a request that was never sent.
    transport: () => {
      transport ??= createHttpTransport({
        provider: 'iotpay',
        baseUrl: readers.baseUrl(),
        fetch: settings.fetch,
        timeoutMs: settings.timeoutMs,
        hooks: settings.hooks,
        redactor,
      });
      return transport;
    },
  };
  const sender: IotPaySender = {
    settings: readers,
    redactor,
    send: (request, options) => sendIotPayRequest(context, request, options),
  };
  return Object.freeze(sender);
}

export interface IotPayRequest<Schema extends GenericSchema> {
  /** IOTPay's name for the operation, used in messages, e.g. `refund_order`. */
  operation: string;
  path: string;
  fields: Readonly<Record<string, JsonFieldValue>>;
  /** Whether the request can move money; only requests that cannot are retried after they may have arrived. */
  writes: boolean;
  requireResultCode: boolean;
  schema: Schema;
}

export interface IotPayAnswer<Output> {
  response: Output;
  /** The answer as received, secrets and `sign` redacted. */
  raw: unknown;
}

async function sendIotPayRequest<Schema extends GenericSchema>(
  context: IotPaySenderContext,
  request: IotPayRequest<Schema>,
  options: CallOptions = {},
): Promise<IotPayAnswer<InferOutput<Schema>>> {
  // Read before sending: a missing key is reported with outcome not_sent.
  const merchantKey = context.settings.merchantKey();
  const transport = context.transport();
  const response = await transport.send({
    method: 'POST',
    path: request.path,
    idempotent: !request.writes,
    signal: options.signal,
    prepare: async () => ({
      body: await encodeIotPayRequest(request.fields, merchantKey),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    }),
  });
  const values = await readIotPayResponse(response, {
    operation: request.operation,
    writes: request.writes,
    resend: options.resend,
    merchantKey,
    redactor: context.redactor,
    requireSignedResponses: context.requireSignedResponses,
    requireResultCode: request.requireResultCode,
  });
  const raw = context.redactor.value(values);
  const parsed = parseJsonResponse(JSON.stringify(values), request.schema, {
    provider: 'iotpay',
    outcome: request.writes ? 'unknown' : 'rejected',
    raw,
  });
  return { response: parsed, raw };
}
