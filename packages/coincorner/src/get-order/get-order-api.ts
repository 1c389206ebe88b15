import * as v from 'valibot';
import { decimalTextSchema, integerTextSchema } from '../coincorner-api';

/**
 * The documented part of GetOrder's answer (the rest of the help page could not be read, so every field is
 * optional and unknown ones are kept). Amounts keep CoinCorner's exact digits.
 */
export const getOrderResponseSchema = v.looseObject({
  OrderId: v.optional(v.nullable(v.string())),
  PaymentAddress: v.optional(v.nullable(v.string())),
  InvoiceAmount: v.optional(v.nullable(decimalTextSchema)),
  InvoiceCurrency: v.optional(v.nullable(v.string())),
  SettleAmount: v.optional(v.nullable(decimalTextSchema)),
  SettleCurrency: v.optional(v.nullable(v.string())),
  CryptoAmount: v.optional(v.nullable(decimalTextSchema)),
  // Read by the Magento1 and ZenCart plugins; same codes as CheckOrder.
  OrderStatus: v.optional(v.nullable(integerTextSchema)),
  OrderStatusText: v.optional(v.nullable(v.string())),
  Error: v.optional(v.nullable(v.string())),
});

export interface GetOrderResponse {
  OrderId: string;
  PaymentAddress?: string | null;
  /** A decimal string, exactly as CoinCorner wrote the number. */
  InvoiceAmount?: string | null;
  InvoiceCurrency?: string | null;
  SettleAmount?: string | null;
  SettleCurrency?: string | null;
  CryptoAmount?: string | null;
  OrderStatus?: number | null;
  OrderStatusText?: string | null;
  [field: string]: unknown;
}
