import { goAny, goDecimal, goInt, goInt64, goSlice, goString, goStruct, goUint8 } from './go-json-schema';

/**
 * The answer models of gate/gatepay-sdk-go @9b20d92, field for field: JSON name and Go type as each struct
 * declares them. The contract test checks every sandbox answer against them.
 */

/** core/client.go `httpResponse`: the envelope every answer is read through first. */
export const httpResponse = goStruct({
  status: goString,
  code: goAny,
  label: goString,
  errorMessage: goString,
  data: goAny,
});

/** services/refund/models.go `CreateRefundRespV2` (`POST /v2/standard/order/refund`). */
export const createRefundRespV2 = goStruct({
  refundRequestId: goString,
  refundGateId: goString,
  prepayId: goString,
  orderAmount: goString,
  refundAmount: goString,
  errMsg: goString,
  orderCurrency: goString,
  payCurrency: goString,
  payAmount: goString,
});

/** services/refund/models.go `RefundDetailItem`. */
export const refundDetailItem = goStruct({
  transactionId: goString,
  transactTime: goInt64,
  payChannel: goString,
  status: goString,
  amount: goString,
  currency: goString,
  chain: goString,
  address: goString,
  hash: goString,
  remark: goString,
  billType: goUint8,
});

/** services/refund/models.go `QueryRefundRespV2` (`GET /v2/pay/refund/details`). */
export const queryRefundRespV2 = goStruct({
  refundRequestId: goString,
  gateRefundId: goString,
  refundId: goString,
  orderId: goString,
  merchantTradeNo: goString,
  createTime: goInt64,
  transactTime: goInt64,
  transactionId: goString,
  txHash: goString,
  orderAmount: goString,
  orderCurrency: goString,
  requestAmount: goString,
  requestCurrency: goString,
  amount: goString,
  currency: goString,
  status: goString,
  remark: goString,
  refund_style: goInt,
  refund_pay_channel: goInt,
  refund_address: goString,
  refund_chain: goString,
  refund_bear_type: goInt,
  refund_amount_type: goInt,
  refund_account_type: goInt,
  refund_gas_amount: goString,
  refund_fail_reason: goString,
  refund_to_gate_uid: goInt64,
  channelId: goString,
  nickName: goString,
  payerId: goInt64,
  fromAddress: goString,
  payChannel: goString,
  billType: goUint8,
  goodsName: goString,
  totalRequestAmount: goString,
  totalRequestCurrency: goString,
  totalReceiveAmount: goString,
  totalReceiveCurrency: goString,
  refundDetails: goSlice(refundDetailItem),
});

/** services/refund/models.go `ChainItem`. */
export const chainItem = goStruct({
  chain: goString,
  currency: goString,
  full_curr_type: goString,
  symbol: goString,
  explorer_url: goString,
  show_chain_name_en: goString,
  hasWithdrawMemo: goInt,
  withdrawPercent: goString,
  withdrawFix: goString,
});

/** services/refund/models.go `QueryRefundSupportChainsRespV2` (`GET /v2/refund/support/chains`). */
export const queryRefundSupportChainsRespV2 = goStruct({
  currency: goString,
  chains: goSlice(chainItem),
});

/** services/payment/models.go `CreateRefundResponse` (`POST /v1/pay/order/refund`). */
export const createRefundResponse = goStruct({
  refundRequestId: goString,
  prepayId: goString,
  orderAmount: goString,
  refundAmount: goString,
});

/** services/payment/models.go `QueryRefundResponse` = `RefundEntry` (`POST /v1/pay/order/refund/query`). */
export const queryRefundResponse = goStruct({
  refundRequestId: goString,
  prepayId: goString,
  orderAmount: goString,
  refundAmount: goString,
  refundStatus: goString,
  channelId: goString,
});

/** services/address/models.go `CreateAddressRefundResponse` (`POST /v1/pay/address/refund`). */
export const createAddressRefundResponse = goStruct({
  refundRequestId: goString,
  prepayId: goString,
  orderAmount: goString,
  refundAmount: goString,
});

/** services/address/models.go `CreateAddressRefundConvertResponse` (`POST /v1/pay/address/refundconvert`). */
export const createAddressRefundConvertResponse = goStruct({
  refundRequestId: goString,
  prepayId: goString,
  orderCurrency: goString,
  orderAmount: goDecimal,
  refundOrderAmount: goDecimal,
  payCurrency: goString,
  payAmount: goDecimal,
  refundPayAmount: goDecimal,
});

/** services/checkout/models.go `CreateCheckStandRefundResponse` (`POST /v1/pay/checkout/refund`). */
export const createCheckStandRefundResponse = goStruct({
  refundRequestId: goString,
  prepayId: goString,
  orderCurrency: goString,
  orderAmount: goDecimal,
  refundOrderAmount: goDecimal,
  payCurrency: goString,
  payAmount: goDecimal,
  refundPayAmount: goDecimal,
});

/** Each model by its Go name, as the recorded requests name the answer they expect. */
export const gatePaySdkGoModels = {
  CreateRefundRespV2: createRefundRespV2,
  QueryRefundRespV2: queryRefundRespV2,
  QueryRefundSupportChainsRespV2: queryRefundSupportChainsRespV2,
  CreateRefundResponse: createRefundResponse,
  QueryRefundResponse: queryRefundResponse,
  CreateAddressRefundResponse: createAddressRefundResponse,
  CreateAddressRefundConvertResponse: createAddressRefundConvertResponse,
  CreateCheckStandRefundResponse: createCheckStandRefundResponse,
};
