import * as v from 'valibot';

const resultCode = v.picklist(['SUCCESS', 'FAIL']);

/**
 * refund_order's answer as IOTPay documents it, field names and JSON types, for contract tests: strict, so a field
 * the docs do not name fails the test until someone looks at it.
 * - develop.iotpay.ca/guide/refund.html, return result: retCode String(16) SUCCESS/FAIL, retMsg String(128).
 * - the same page's sample code reads `resCode` and `errCodeDes`; `errCode` String(32) is the envelope of the
 *   documented query_order answer (guide/order_query.html), which the refund answer shares.
 * - `refundOrderId` and `sign` are not on the page: XxPay, which IOTPay forks, answers them (reference A3, A5).
 */
export const documentedRefundOrderResponse = v.strictObject({
  retCode: resultCode,
  retMsg: v.optional(v.pipe(v.string(), v.maxLength(128))),
  resCode: v.optional(resultCode),
  errCode: v.optional(v.pipe(v.string(), v.maxLength(32))),
  errCodeDes: v.optional(v.pipe(v.string(), v.maxLength(128))),
  refundOrderId: v.optional(v.string()),
  sign: v.optional(v.pipe(v.string(), v.regex(/^[0-9A-F]{32}$/))),
});
