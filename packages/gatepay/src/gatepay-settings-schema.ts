import * as v from 'valibot';
import { refundReasonSchema } from './gatepay-send-schemas';
import { gatePayRefundEndpoints } from './gatepay-settings';

const milliseconds = (name: string, minimum: number) => {
  const rule = `${name} must be a whole number of milliseconds of at least ${minimum}`;
  return v.pipe(v.number(rule), v.integer(rule), v.minValue(minimum, rule));
};

const text = (rule: string) => v.optional(v.pipe(v.string(rule), v.minLength(1, rule)));

/**
 * The plain settings a host reads from its config file and the environment (not `fetch` or `hooks`). Credentials
 * are optional here because each falls back to its environment variable at the first call.
 */
export const gatePaySettingsSchema = v.object({
  clientId: text('clientId must be the GatePay ClientId from the merchant console'),
  secretKey: text('secretKey must be the GatePay Payment API Secret Key'),
  baseUrl: v.optional(
    v.pipe(v.string(), v.url('baseUrl must be a URL such as https://openplatform.gateapi.io')),
  ),
  onBehalfOf: v.optional(
    v.pipe(v.string(), v.regex(/^[\x21-\x7e]{1,64}$/, 'onBehalfOf must be an institution sub-account id')),
  ),
  refundEndpoint: v.optional(
    v.picklist(gatePayRefundEndpoints, `refundEndpoint must be one of ${gatePayRefundEndpoints.join(', ')}`),
  ),
  defaultRefundReason: v.optional(refundReasonSchema),
  requireSignedResponses: v.optional(v.boolean()),
  nativeIdempotency: v.optional(v.boolean()),
  notificationToleranceMs: v.optional(v.pipe(v.number(), v.minValue(0))),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  settleWindowMs: v.optional(milliseconds('settleWindowMs', 0)),
  maximumPendingMs: v.optional(milliseconds('maximumPendingMs', 1)),
});

export type GatePayPluginSettings = v.InferOutput<typeof gatePaySettingsSchema>;
