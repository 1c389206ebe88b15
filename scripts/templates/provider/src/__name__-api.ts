import * as v from 'valibot';

// What every __Name__ refusal looks like. TODO: the envelope from __Name__'s documentation.
export const __camel__ErrorSchema = v.object({
  code: v.string(),
  message: v.optional(v.string()),
});
