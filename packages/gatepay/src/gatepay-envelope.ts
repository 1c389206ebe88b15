import * as v from 'valibot';
import { receivedTextSchema } from './gatepay-receive-schemas';

/**
 * Every GatePay answer: `status` says whether it worked. `code` is an opaque string (success has been seen as
 * "000000", "00000" and null), so it is read only to explain a failure, never to detect success.
 */
export const gatePayEnvelopeSchema = v.looseObject({
  status: v.string(),
  code: v.nullish(v.union([v.string(), v.number()])),
  label: receivedTextSchema,
  errorMessage: receivedTextSchema,
  data: v.optional(v.unknown()),
});

export type GatePayEnvelope = v.InferOutput<typeof gatePayEnvelopeSchema>;
