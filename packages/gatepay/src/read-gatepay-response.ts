import {
  type HttpResponse,
  httpStatusError,
  parseJsonResponse,
  quoteJsonNumbers,
  type Redactor,
} from '@refunds/core';
import * as v from 'valibot';
import { type GatePayEnvelope, gatePayEnvelopeSchema } from './gatepay-envelope';
import { gatePayFailureError } from './gatepay-failure-error';
import { verifyGatePayResponse } from './verify-gatepay-response';

export interface GatePayResponse<Data> {
  /** The envelope's `data`, validated (unknown fields kept). */
  data: Data;
  envelope: GatePayEnvelope;
  /** The whole parsed envelope with secrets redacted, safe to store or log. */
  raw: unknown;
}

/** The envelope schema around each operation's data schema, built once per operation rather than per answer. */
const envelopesWithData = new WeakMap<v.GenericSchema, v.GenericSchema>();
function envelopeWithData<Data>(
  dataSchema: v.GenericSchema<unknown, Data>,
): v.GenericSchema<unknown, { data: Data }> {
  let schema = envelopesWithData.get(dataSchema);
  if (schema === undefined) {
    schema = v.looseObject({ data: dataSchema });
    envelopesWithData.set(dataSchema, schema);
  }
  return schema as v.GenericSchema<unknown, { data: Data }>;
}

/**
 * Turns GatePay's answer into data or a RefundError: the signature first (nothing unverified is trusted), then the
 * envelope, where only `status === "SUCCESS"` means success, whatever `code` says.
 */
export async function readGatePayResponse<Data>(
  response: HttpResponse,
  context: {
    secretKey: string;
    requireSignedResponses: boolean;
    writes: boolean;
    /** The call sends a refund again after an unknown outcome (see `GatePayCallOptions.resend`). */
    resend?: boolean;
    dataSchema: v.GenericSchema<unknown, Data>;
    redactor: Redactor;
  },
): Promise<GatePayResponse<Data>> {
  const { writes, redactor } = context;
  const rawText = redactor.body(response.text);
  await verifyGatePayResponse(response, {
    secretKey: context.secretKey,
    required: context.requireSignedResponses,
    writes,
    raw: rawText,
  });
  const text = quoteJsonNumbers(response.text);
  const parseContext = {
    provider: 'gatepay',
    outcome: writes ? 'unknown' : 'rejected',
    raw: rawText,
  } as const;
  let envelope: GatePayEnvelope;
  try {
    envelope = parseJsonResponse(text, gatePayEnvelopeSchema, parseContext);
  } catch (error) {
    // A gateway error page is not GatePay speaking: read the HTTP status instead.
    if (response.status >= 300)
      throw httpStatusError({ provider: 'gatepay', status: response.status, writes, raw: rawText });
    throw error;
  }
  const raw = redactor.value(envelope);
  if (envelope.status !== 'SUCCESS') {
    throw gatePayFailureError(envelope, {
      writes,
      resend: context.resend === true,
      httpStatus: response.status,
      raw,
      redactText: redactor.text,
    });
  }
  if (response.status < 200 || response.status >= 300) {
    throw httpStatusError({ provider: 'gatepay', status: response.status, writes, raw });
  }
  const { data } = parseJsonResponse(text, envelopeWithData(context.dataSchema), {
    ...parseContext,
    raw,
  });
  return { data, envelope, raw };
}
