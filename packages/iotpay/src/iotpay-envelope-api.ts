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

/** Answer fields IOTPay sends as text when it sends them at all: each may be absent or null. */
export function iotpayTextFields<const Names extends readonly string[]>(
  ...names: Names
): { [Name in Names[number]]: v.NullishSchema<v.StringSchema<undefined>, undefined> } {
  return Object.fromEntries(names.map((name) => [name, v.nullish(v.string())])) as {
    [Name in Names[number]]: v.NullishSchema<v.StringSchema<undefined>, undefined>;
  };
}

export const iotpayEnvelopeSchema = v.looseObject(iotpayEnvelopeEntries);

export type IotPayEnvelope = v.InferOutput<typeof iotpayEnvelopeSchema>;
