import { defineErrorTable } from '@refunds/core';

/**
 * CoinCorner publishes no error codes: a failure is any HTTP status other than 200 with an ASP.NET
 * `{"Message": ...}` body, whose texts are not documented and must not be parsed. So the rows are keyed by the
 * HTTP status, plus three answers that come with HTTP 200 or carry no status of their own.
 */
export const coincornerErrorTable = defineErrorTable({
  '400': {
    code: 'declined',
    outcome: 'rejected',
    description:
      'CoinCorner refused the request and did not execute it (unknown order, amount above what remains, order not ' +
      'refundable, bad address or refund type, or a bad signature or stale nonce). Read providerMessage.',
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
  'no-refund': {
    code: 'not_found',
    outcome: 'rejected',
    description:
      'The order has no refund: its status is neither -4 (Pending Refund) nor -5 (Refunded), so no refund was executed.',
  },
});

export type CoinCornerErrorKey = keyof typeof coincornerErrorTable;
