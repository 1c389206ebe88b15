import type { PlaceRefundOrderField } from '../place-refund-order/place-refund-order-options';

/**
 * BonusPay's placeOrder fields by the name the caller wrote in `RefundRequest`, so that errors, ours and
 * BonusPay's, name the field the caller can change.
 */
export const refundRequestLabels: Readonly<Record<PlaceRefundOrderField, string>> = Object.freeze({
  refundMerchantOrderNo: 'refundId',
  originMerchantOrderNo: 'orderId',
  originOrderNo: 'orderId',
  amount: 'amount',
  notifyUrl: 'providerOptions.notifyUrl',
  operatorName: 'providerOptions.operatorName',
  reason: 'reason',
  chainCode: 'destination.network',
  refundAddress: 'destination.address',
  reserved: 'providerOptions.reserved',
});
