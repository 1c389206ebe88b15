import * as v from 'valibot';

/**
 * The fields every IOTPay answer may carry. `retCode` is the communication result; `resCode` the business
 * result, with `errCode`/`errCodeDes` when it failed. Numbers arrive as their exact text (see readJsonFields).
 */
export const iotpayEnvelopeEntries = {
  retCode: v.string(),
  retMsg: v.nullish(v.string()),
  resCode: v.nullish(v.string()),
  errCode: v.nullish(v.string()),
  errCodeDes: v.nullish(v.string()),
  sign: v.nullish(v.string()),
};

export const iotpayEnvelopeSchema = v.looseObject(iotpayEnvelopeEntries);

export type IotPayEnvelope = v.InferOutput<typeof iotpayEnvelopeSchema>;
