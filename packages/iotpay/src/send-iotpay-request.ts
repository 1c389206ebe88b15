import { type CallOptions, type HttpTransport, parseJsonResponse, type Redactor } from '@refunds/core';
import type { GenericSchema, InferOutput } from 'valibot';
import { encodeIotPayRequest } from './encode-iotpay-request';
import type { IotPayCredentials } from './iotpay-credentials';
import type { JsonFieldValue } from './json/write-json-fields';
import { readIotPayResponse } from './read-iotpay-response';

/** What every IOTPay operation shares: one transport, the credentials and the redactor built from them. */
export interface IotPayRequestContext {
  transport(): HttpTransport;
  credentials: IotPayCredentials;
  redactor: Redactor;
  requireSignedResponses: boolean;
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

/** Signs the fields, posts them as IOTPay's `params` form, and returns the verified, validated answer. */
export async function sendIotPayRequest<Schema extends GenericSchema>(
  context: IotPayRequestContext,
  request: IotPayRequest<Schema>,
  options: CallOptions = {},
): Promise<IotPayAnswer<InferOutput<Schema>>> {
  // Read before sending: a missing key is reported with outcome not_sent.
  const merchantKey = context.credentials.merchantKey();
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
