import { defineErrorTable } from '@refunds/core';

/**
 * Every code BonusPay documents for refunds, keyed by `head.code`, or by `code:msg` where one code carries
 * several meanings (400). `applyStatus:ERROR` is BonusPay's answer to a request whose signature it could not
 * verify; its code is undocumented, so the status decides.
 *
 * `unknown` rows (500, 504) can follow a refund that executed; after a read they are reported as `rejected`.
 * `mayFollowExecution` rows (77005 nothing left to refund, 77013 refund number used) are what a resend gets when
 * its earlier attempt executed: `rejected` on a first attempt, `unknown` on a resend (`refusalOutcome`).
 * PayBy's 62041 ACQUIRE_ORDER_REFUNDED answers a revoke, not a refund, and has no BonusPay code.
 */
export const bonusPayErrorTable = defineErrorTable({
  'applyStatus:ERROR': {
    code: 'authentication',
    outcome: 'rejected',
    description:
      'BonusPay could not verify the request signature: upload the public key of `privateKey` to the BonusPay portal and check `partnerId`',
  },
  '400': {
    code: 'invalid_request',
    outcome: 'rejected',
    description:
      'BonusPay refused a parameter (INVALID_PARAMETER): check the refund fields against the BonusPay API',
  },
  '400:REQUESTTIME_TOO_EARLY': {
    code: 'invalid_request',
    outcome: 'rejected',
    description:
      "requestTime is more than 15 minutes behind BonusPay's clock: synchronise this machine's clock (NTP)",
  },
  '400:REQUESTTIME_TOO_LATER': {
    code: 'invalid_request',
    outcome: 'rejected',
    description:
      "requestTime is more than 15 minutes ahead of BonusPay's clock: synchronise this machine's clock (NTP)",
  },
  '402': {
    code: 'rate_limited',
    outcome: 'rejected',
    retryable: true,
    description: 'BonusPay is rate limiting this merchant (RATE_LIMIT_REJECT): retry later, more slowly',
  },
  '403': {
    code: 'authentication',
    outcome: 'rejected',
    description:
      'BonusPay refused this merchant (UNAUTHORIZED): check `partnerId`, the uploaded key and the IP whitelist in the portal',
  },
  '404': {
    code: 'provider_unavailable',
    outcome: 'rejected',
    retryable: true,
    description:
      'the BonusPay service is not available (SERVICE_NOT_AVAILABLE): retry later, or check the base URL',
  },
  '500': {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description: 'BonusPay failed internally (SYSTEM_ERROR)',
  },
  '504': {
    code: 'timeout',
    outcome: 'unknown',
    description: 'BonusPay timed out internally (SERVICE_TIMEOUT)',
  },
  '601': {
    code: 'declined',
    outcome: 'rejected',
    description: "BonusPay's risk control refused the request (RISK_FAIL): contact BonusPay support",
  },
  '77002': {
    code: 'declined',
    outcome: 'rejected',
    description: 'the order failed, so it cannot be refunded (ORDER_FAILURE)',
  },
  '77004': {
    code: 'not_found',
    outcome: 'rejected',
    description:
      'BonusPay knows no order with this merchant order number (MERCHANT_ORDER_NO_NOT_EXIST): check orderId',
  },
  '77005': {
    code: 'declined',
    outcome: 'rejected',
    mayFollowExecution: true,
    description:
      'the refund is larger than what remains refundable on the order (REFUND_AMOUNT_EXCEEDED): refund at most the remaining amount',
  },
  '77013': {
    code: 'duplicate',
    outcome: 'rejected',
    mayFollowExecution: true,
    description:
      'a refund with this refund number already exists (REFUND_MERCHANT_ORDER_NO_EXIST): look it up with getRefund, or use a new refundId for a new refund',
  },
  '77016': {
    code: 'not_found',
    outcome: 'rejected',
    description: 'BonusPay knows no order with this order number (ORDER_NO_NOT_EXIST): check orderId',
  },
  '77024': {
    code: 'declined',
    outcome: 'rejected',
    description: 'the order has not been paid, so there is nothing to refund (ORDER_NOT_PAID)',
  },
});

/**
 * Codes BonusPay may send without a `sign` header (the PayBy SDK's exception list: gateway errors raised
 * before the merchant's request reaches the refund service). Any other unsigned answer is refused.
 */
export function isUnsignedErrorCode(code: string): boolean {
  return ['500', '400', '402', '403', '404', '504', '601'].includes(code) || code.startsWith('58');
}
