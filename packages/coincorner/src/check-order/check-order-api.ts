import * as v from 'valibot';
import { integerTextSchema } from '../coincorner-api';

/** `{"OrderId":"…","OrderStatus":1,"OrderStatusText":"Pending Confirmation"}`; unknown fields are kept. */
export const checkOrderResponseSchema = v.looseObject({
  OrderId: v.optional(v.nullable(v.string())),
  OrderStatus: v.optional(v.nullable(integerTextSchema)),
  OrderStatusText: v.optional(v.nullable(v.string())),
  // The OpenCart plugin reads this beside OrderStatusText "N/A" for an order CoinCorner does not know.
  Error: v.optional(v.nullable(v.string())),
});

export interface CheckOrderResponse {
  OrderId: string;
  /** See `coincornerOrderStatuses`: -4 Pending Refund, -5 Refunded, 2 Complete, ... */
  OrderStatus: number;
  OrderStatusText: string | undefined;
  /** Every other field CoinCorner sent, numbers as their exact text. */
  [field: string]: unknown;
}
