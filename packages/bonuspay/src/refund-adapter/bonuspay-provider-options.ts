import { invalidRequest } from '@refunds/core';
import * as v from 'valibot';

/** `RefundRequest.providerOptions` for BonusPay; any other key is refused. */
export const bonusPayProviderOptionsSchema = v.strictObject({
  /** Which BonusPay field `orderId` fills for this refund; default: the `orderIdField` setting. */
  orderIdField: v.optional(v.picklist(['originMerchantOrderNo', 'originOrderNo'])),
  /** `operatorName`, String(200): who asked for the refund. */
  operatorName: v.optional(v.string()),
  /** `reserved`, String(200): echoed back unchanged. */
  reserved: v.optional(v.string()),
  /** `notifyUrl` for this refund; default: the `notifyUrl` setting. */
  notifyUrl: v.optional(v.string()),
});

export type BonusPayProviderOptions = v.InferOutput<typeof bonusPayProviderOptionsSchema>;

export function parseBonusPayProviderOptions(value: unknown): BonusPayProviderOptions {
  if (value === undefined) return {};
  const result = v.safeParse(bonusPayProviderOptionsSchema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.');
  const field = path ? `providerOptions.${path}` : 'providerOptions';
  throw invalidRequest(
    field,
    `${field} is invalid (${issue.message}): BonusPay accepts orderIdField, operatorName, reserved and notifyUrl.`,
    'bonuspay',
  );
}
