import * as v from 'valibot';

/** CoinCorner's webhook body: `{"OrderId":"…","APIKey":"…"}`. No signature and no status. */
export const coincornerWebhookSchema = v.looseObject({
  OrderId: v.optional(v.nullable(v.string())),
  APIKey: v.optional(v.nullable(v.string())),
});

export interface CoinCornerWebhook {
  /** The order whose status changed; ask CheckOrder for the new status. */
  OrderId: string;
}
