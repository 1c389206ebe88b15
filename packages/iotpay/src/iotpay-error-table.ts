import { defineErrorTable } from '@refunds/core';

/**
 * IOTPay's documented error codes (develop.iotpay.ca/errorcode.html, identical to XxPay's `PayEnum`). The
 * outcome is what the code says about a refund request; a failed query executed nothing whatever its code.
 * System, database and third-party failures may strike after the refund was recorded or forwarded to WeChat,
 * Alipay or UnionPay, so they leave it `unknown` until `getRefund` says otherwise.
 * `mayFollowExecution` marks the refusals an earlier attempt of the same refund having executed would explain: on a
 * resend they are evidence that it did (`unknown`), never a failure.
 */
export const iotpayErrorTable = defineErrorTable({
  '0010': {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description:
      'System error or timeout at IOTPay. Check the refund with getRefund before sending it again.',
  },
  '0011': {
    code: 'invalid_request',
    outcome: 'rejected',
    description: 'IOTPay requires POST. This is a bug in the client: report it.',
  },
  '0012': {
    code: 'invalid_request',
    outcome: 'rejected',
    description: 'IOTPay received no post data. Check that a proxy does not strip the form body.',
  },
  '0013': {
    code: 'authentication',
    outcome: 'rejected',
    description: 'IOTPay could not verify the request signature. Check merchantKey (IOTPAY_MERCHANT_KEY).',
  },
  '0014': {
    code: 'invalid_request',
    outcome: 'rejected',
    // XxPay's descendants answer a reused mchRefundNo and an amount above what is left to refund with this code.
    mayFollowExecution: true,
    description:
      'Parameter missing or malformed (IOTPay also uses this code for a reused mchRefundNo and for an amount above what is left to refund). Check the request.',
  },
  '0015': {
    code: 'authentication',
    outcome: 'rejected',
    description: 'IOTPay does not know this merchant. Check mchId (IOTPAY_MCH_ID).',
  },
  '0110': {
    code: 'timeout',
    outcome: 'unknown',
    description:
      'The payment channel (WeChat Pay, Alipay, UnionPay) timed out. Check the refund with getRefund before sending it again.',
  },
  '0111': {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description:
      'The payment channel (WeChat Pay, Alipay, UnionPay) failed. Check the refund with getRefund before sending it again.',
  },
  '0112': {
    code: 'not_found',
    outcome: 'rejected',
    description: 'IOTPay does not know this order (payOrderId) or refund. Check the id.',
  },
  '0113': {
    code: 'declined',
    outcome: 'rejected',
    // An order refunded in full by the earlier attempt is in another state: the same refusal would follow.
    mayFollowExecution: true,
    description: 'IOTPay refused the operation because of the order state (already paid).',
  },
  '0118': {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description: 'Database error at IOTPay. Check the refund with getRefund before sending it again.',
  },
});

export type IotPayErrorCode = keyof typeof iotpayErrorTable;
