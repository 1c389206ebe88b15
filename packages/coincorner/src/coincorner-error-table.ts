import { defineErrorTable } from '@refunds/core';

/**
 * CoinCorner publishes no error codes: a failure is any HTTP status other than 200 with an ASP.NET
 * `{"Message": ...}` body, whose texts are not documented. So the rows are keyed by the HTTP status, plus the
 * answers that come with HTTP 200 or carry no status of their own, the refusal of a nonce (the one message that
 * is read, see `isNonceRefusal`), and the adapter's own refusals before sending.
 *
 * `mayFollowExecution` marks a refusal that an earlier attempt of the same refund having executed would
 * explain: on a resend (`CallOptions.resend`) it is evidence of that, so its outcome is `unknown`.
 */
export const coincornerErrorTable = defineErrorTable({
  '400': {
    code: 'declined',
    outcome: 'rejected',
    // The status alone cannot tell "order already refunded" or "amount above what remains" (which a first
    // attempt that executed explains) from a bad address: on a resend every 400 is treated as the former.
    mayFollowExecution: true,
    description:
      'CoinCorner refused the request and did not execute it (unknown order, amount above what remains, order not ' +
      'refundable, bad address or refund type, or a bad signature). Read providerMessage.',
  },
  nonce: {
    code: 'authentication',
    outcome: 'rejected',
    retryable: true,
    description:
      'CoinCorner refused the nonce as not larger than the last one it saw for this API key, so nothing was ' +
      'executed; it was sent again with fresh nonces (3 times) and refused each time. Another system is using this ' +
      "API key with larger nonces: give it its own key, or share one nonce source (the host's ledger) between them. " +
      'The same refund can be sent again.',
  },
  'model-state': {
    code: 'invalid_request',
    outcome: 'rejected',
    description:
      'CoinCorner could not bind a field of the request (HTTP 400 with ModelState). Nothing was executed; fix the field named in providerMessage.',
  },
  '401': {
    code: 'authentication',
    outcome: 'rejected',
    description:
      'CoinCorner refused the credentials. Check apiKey, apiSecret and userId, and that no other system uses this API key with larger nonces.',
  },
  '403': {
    code: 'authentication',
    outcome: 'rejected',
    description:
      'CoinCorner does not allow this account to do this. Check the API key permissions with CoinCorner.',
  },
  '404': {
    code: 'not_found',
    outcome: 'rejected',
    description: 'CoinCorner found no such order or endpoint. Check the order id and baseUrl.',
  },
  '405': {
    code: 'invalid_request',
    outcome: 'rejected',
    description:
      'The endpoint does not accept this method: baseUrl probably points at the wrong host or path.',
  },
  '415': {
    code: 'invalid_request',
    outcome: 'rejected',
    description: 'CoinCorner did not accept the body format. Nothing was executed; report this as a bug.',
  },
  '429': {
    code: 'rate_limited',
    outcome: 'rejected',
    retryable: true,
    description: 'CoinCorner asks to slow down. Nothing was executed; retry later.',
  },
  '500': {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description:
      'CoinCorner failed while handling the request; a refund may have been executed. Check getRefund before sending it again.',
  },
  '502': {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description:
      'A gateway in front of CoinCorner failed; a refund may have been executed. Check getRefund before sending it again.',
  },
  '503': {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description:
      'CoinCorner is unavailable; a refund may still have been executed. Check getRefund before sending it again.',
  },
  '504': {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description:
      'A gateway timed out waiting for CoinCorner; a refund may have been executed. Check getRefund before sending it again.',
  },
  'N/A': {
    code: 'not_found',
    outcome: 'rejected',
    description:
      'CoinCorner answered OrderStatusText "N/A": it does not know this order id for this account.',
  },
  'already-sent': {
    code: 'duplicate',
    outcome: 'not_sent',
    mayFollowExecution: true,
    description:
      'This process already sent this refund id to CoinCorner, which has no refund id and could not tell a second ' +
      'RefundOrder from a new refund: sending it again could pay twice. Nothing was sent; check it with getRefund.',
  },
  'order-shows-refund': {
    code: 'declined',
    outcome: 'not_sent',
    mayFollowExecution: true,
    description:
      'GetOrder shows the order already refunding or refunded, and CoinCorner records one refund per order, so ' +
      'nothing was sent. Check the existing refund with getRefund.',
  },
  'no-refund': {
    code: 'not_found',
    outcome: 'rejected',
    description:
      'The order has no refund: its status is neither -4 (Pending Refund) nor -5 (Refunded), so no refund was executed.',
  },
});

export type CoinCornerErrorKey = keyof typeof coincornerErrorTable;
