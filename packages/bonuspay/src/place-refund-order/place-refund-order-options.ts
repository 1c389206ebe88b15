import type { Money } from '@refunds/core';
import * as v from 'valibot';
import type { BonusPayAsset } from '../bonuspay-assets';

/** `bizContent` of `crypto/refund/placeOrder`, with BonusPay's field names. Amounts are decimal strings. */
export interface PlaceRefundOrderRequest {
  /** The merchant's refund number, String(64), unique per refund. */
  refundMerchantOrderNo: string;
  /** The paid order by the merchant's number, String(64). Exactly one of this and `originOrderNo`. */
  originMerchantOrderNo?: string;
  /** The paid order by BonusPay's number, String(32). Exactly one of this and `originMerchantOrderNo`. */
  originOrderNo?: string;
  /** Sent as a JSON number written digit for digit from the string, never through a float. */
  amount: Money;
  /** Where BonusPay posts the refund result, String(200). */
  notifyUrl?: string;
  operatorName?: string;
  /** String(64). */
  reason?: string;
  /** `TRON`, `ETH`, `BTC` or `POLYGON`; required with `refundAddress` for a chain payment. */
  chainCode?: string;
  /** The wallet the refund goes to, String(128); required with `chainCode` for a chain payment. */
  refundAddress?: string;
  /** Echoed back unchanged, String(200). */
  reserved?: string;
}

export type PlaceRefundOrderField = keyof PlaceRefundOrderRequest;

export interface PlaceRefundOrderRules {
  assets: Readonly<Record<string, BonusPayAsset>>;
  restrictIdCharacters: boolean;
  /** How the caller names each field, so errors speak the caller's language (`refundId`, not BonusPay's). */
  labels?: Partial<Record<PlaceRefundOrderField, string>>;
}

/** BonusPay's documented String(n) limits. */
export const placeRefundOrderLimits = {
  refundMerchantOrderNo: 64,
  originMerchantOrderNo: 64,
  originOrderNo: 32,
  notifyUrl: 200,
  operatorName: 200,
  reason: 64,
  chainCode: 32,
  refundAddress: 128,
  reserved: 200,
} as const;

const text = (field: keyof typeof placeRefundOrderLimits) =>
  v.optional(v.pipe(v.string(), v.maxLength(placeRefundOrderLimits[field])));

/**
 * The shape of what we send, strictly: BonusPay's fields only, strings within their String(n). The amount is
 * checked by core's money rules and the asset table, and the cross-field rules (exactly one order number, chain
 * with address) in `validatePlaceRefundOrderRequest`.
 */
export const placeRefundOrderRequestSchema = v.strictObject({
  refundMerchantOrderNo: v.pipe(
    v.string(),
    v.nonEmpty(),
    v.maxLength(placeRefundOrderLimits.refundMerchantOrderNo),
  ),
  originMerchantOrderNo: text('originMerchantOrderNo'),
  originOrderNo: text('originOrderNo'),
  // Left to readRefundMoney, whose messages explain every way an amount can be wrong.
  amount: v.optional(v.unknown()),
  notifyUrl: text('notifyUrl'),
  operatorName: text('operatorName'),
  reason: text('reason'),
  chainCode: text('chainCode'),
  refundAddress: text('refundAddress'),
  reserved: text('reserved'),
});
