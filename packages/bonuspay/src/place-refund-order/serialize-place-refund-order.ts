import { JsonNumberLiteral, type LosslessJsonValue, toJsonNumberLiteral } from '@refunds/core';
import type { PlaceRefundOrderRequest } from './place-refund-order-options';

/**
 * The `bizContent` to serialize, in the field order of BonusPay's table. The amount becomes a JSON number
 * written from the decimal string digit for digit.
 */
export function serializePlaceRefundOrder(request: PlaceRefundOrderRequest): {
  readonly [key: string]: LosslessJsonValue | undefined;
} {
  return {
    refundMerchantOrderNo: request.refundMerchantOrderNo,
    originMerchantOrderNo: request.originMerchantOrderNo,
    originOrderNo: request.originOrderNo,
    amount: {
      currency: request.amount.currency,
      amount: new JsonNumberLiteral(toJsonNumberLiteral(request.amount.amount)),
    },
    notifyUrl: request.notifyUrl,
    operatorName: request.operatorName,
    reason: request.reason,
    chainCode: request.chainCode,
    refundAddress: request.refundAddress,
    reserved: request.reserved,
  };
}
