import * as v from 'valibot';

/**
 * The PayBy Java SDK's response classes (payby-openapi-1.1.3.jar, read with javap), as valibot schemas over the
 * parsed JSON: the same field names, and the JSON type each Java type is read from (String: a JSON string,
 * BigDecimal: a JSON number). Any field may be null or absent, as in Java; a field the classes do not have is
 * refused, except the two BonusPay documents on top of PayBy's RefundOrder (fastjson skips them).
 */
const javaString = v.optional(v.nullable(v.string()));
const javaObject = <Entries extends v.ObjectEntries>(entries: Entries) =>
  v.optional(v.nullable(v.strictObject(entries)));

/** com.payby.gateway.openapi.model.ExternalMoney { BigDecimal amount; String currency } */
const externalMoney = javaObject({
  amount: v.optional(v.nullable(v.number())),
  currency: javaString,
});

/** com.payby.gateway.openapi.model.SharingRemainRefundInfo { ExternalMoney remainRefundAmount; String memeberId } */
const sharingRemainRefundInfo = v.strictObject({ remainRefundAmount: externalMoney, memeberId: javaString });

/** com.payby.gateway.openapi.model.RefundSummary */
const refundSummary = javaObject({
  acquireAmount: externalMoney,
  remainRefundAmount: externalMoney,
  sharingRemainRefundInfoList: v.optional(v.nullable(v.array(sharingRemainRefundInfo))),
});

/** com.payby.gateway.openapi.model.crypto.RefundOrder */
const cryptoRefundOrder = javaObject({
  refundMerchantOrderNo: javaString,
  orderNo: javaString,
  originMerchantOrderNo: javaString,
  status: javaString,
  amount: externalMoney,
  secondaryMerchantId: javaString,
  deviceId: javaString,
  notifyUrl: javaString,
  reason: javaString,
  failCode: javaString,
  failDes: javaString,
  reserved: javaString,
  // BonusPay's documented additions for chain refunds; not in the SDK's class.
  chainCode: javaString,
  refundAddress: javaString,
});

/** com.payby.gateway.openapi.SgsHead { String applyStatus, code, msg, traceCode } */
const sgsHead = v.strictObject({
  applyStatus: javaString,
  code: javaString,
  msg: javaString,
  traceCode: javaString,
});

/** SgsResponseWrap<PlaceCryptoRefundOrderResponse>: what SgsApi.PLACE_CRYPTO_REFUND_ORDER reads. */
export const placeCryptoRefundOrderResponseWrap = v.strictObject({
  head: sgsHead,
  body: javaObject({ refundOrder: cryptoRefundOrder, refundSummary }),
});

/** SgsResponseWrap<CryptoRefundOrderResponse>: what SgsApi.GET_CRYPTO_REFUND_ORDER reads. */
export const cryptoRefundOrderResponseWrap = v.strictObject({
  head: sgsHead,
  body: javaObject({ refundOrder: cryptoRefundOrder, refundSummary }),
});
