import { defineErrorTable } from '@refunds/core';

/**
 * GatePay's documented error codes (official table plus docs.gate.com), one row each. Business errors arrive as
 * HTTP 200 with `status: "FAIL"`; 300000, 300001 and 400000 arrive as HTTP 500 and may follow an executed
 * refund, hence `unknown`. For a read, `unknown` becomes `rejected`: a failed query executed nothing.
 *
 * `mayFollowExecution` marks the refusals an earlier attempt of the same refund having executed would explain: the
 * id is used (GatePay does not document its answer to a reused refundRequestId; 400001 and 400201 are the
 * candidates), nothing is left to refund (400608, 500206), the order is no longer refundable or has reached its
 * refund count (400204, 400604, 400607), the balance went to that refund (400605). They are `rejected` after a
 * first attempt and `unknown` after a resend (`refusalOutcome`): evidence that the first attempt executed.
 */
export const gatePayErrorTable = defineErrorTable({
  '300000': {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description:
      'GatePay system error. Check the refund with getRefund before retrying with the same refundRequestId',
  },
  '300001': {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description:
      'GatePay internal error. Check the refund with getRefund before retrying with the same refundRequestId',
  },
  '400000': {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description:
      'GatePay unknown error. Check the refund with getRefund before retrying with the same refundRequestId',
  },
  '400001': {
    code: 'invalid_request',
    outcome: 'rejected',
    mayFollowExecution: true,
    description:
      'Request parameter format error (also what a reused refundRequestId is expected to get; after a resend, check the first attempt with getRefund)',
  },
  '400002': {
    code: 'authentication',
    outcome: 'rejected',
    description:
      'GatePay could not verify the request signature: check secretKey (the Payment API Secret Key)',
  },
  '400003': {
    code: 'authentication',
    outcome: 'rejected',
    retryable: true,
    description: "The request timestamp is outside GatePay's window: check this server's clock",
  },
  '400004': {
    code: 'authentication',
    outcome: 'rejected',
    description: 'GatePay does not know this API identity: check clientId',
  },
  '400007': {
    code: 'invalid_request',
    outcome: 'rejected',
    description: 'Unsupported media type: the request must be sent as application/json',
  },
  '400020': {
    code: 'authentication',
    outcome: 'rejected',
    retryable: true,
    description: 'The nonce was empty or already used: a retry signs with a fresh one',
  },
  '400201': {
    code: 'duplicate',
    outcome: 'rejected',
    mayFollowExecution: true,
    description:
      'Merchant order number already exists (a refundRequestId may be reported as already used with it)',
  },
  '400202': { code: 'not_found', outcome: 'rejected', description: 'The order (prepayId) does not exist' },
  '400203': {
    code: 'authentication',
    outcome: 'rejected',
    description: 'The merchant number does not exist: check clientId and the merchant account',
  },
  '400204': {
    code: 'declined',
    outcome: 'rejected',
    mayFollowExecution: true,
    description: 'The order status does not allow a refund (expired, cancelled, closed or not paid)',
  },
  '400205': { code: 'invalid_request', outcome: 'rejected', description: 'Invalid currency' },
  '400304': {
    code: 'not_found',
    outcome: 'rejected',
    description: 'The refund id (refundRequestId) does not exist',
  },
  '400603': { code: 'declined', outcome: 'rejected', description: 'The order has timed out' },
  '400604': {
    code: 'declined',
    outcome: 'rejected',
    mayFollowExecution: true,
    description: 'The order is not a completed transaction that can be refunded',
  },
  '400605': {
    code: 'declined',
    outcome: 'rejected',
    mayFollowExecution: true,
    description: 'Insufficient balance in the merchant payment account: top it up, then refund again',
  },
  '400607': {
    code: 'declined',
    outcome: 'rejected',
    mayFollowExecution: true,
    description: 'Too many refunds for this order',
  },
  '400608': {
    code: 'declined',
    outcome: 'rejected',
    mayFollowExecution: true,
    description: 'Refund amount exception, e.g. more than the refundable amount left on the order',
  },
  '400620': { code: 'duplicate', outcome: 'rejected', description: 'Duplicate order payment' },
  '400621': { code: 'invalid_request', outcome: 'rejected', description: 'Incorrect payment amount' },
  '400622': {
    code: 'declined',
    outcome: 'rejected',
    retryable: true,
    description: 'The exchange rate moved too much: try again',
  },
  '400623': { code: 'invalid_request', outcome: 'rejected', description: 'Unsupported payment currency' },
  '400624': { code: 'invalid_request', outcome: 'rejected', description: 'Invalid callback URL' },
  '500008': {
    code: 'authentication',
    outcome: 'rejected',
    description: 'Merchant not found: check clientId and the merchant account',
  },
  '500100': { code: 'declined', outcome: 'rejected', description: 'The QR code has expired' },
  '500101': { code: 'duplicate', outcome: 'rejected', description: 'Duplicate QR code' },
  '500103': {
    code: 'invalid_request',
    outcome: 'rejected',
    description: 'Address payment exchange currency error',
  },
  '500203': {
    code: 'not_found',
    outcome: 'rejected',
    description: 'The address-payment order details cannot be found',
  },
  '500204': {
    code: 'invalid_request',
    outcome: 'rejected',
    description: 'Invalid refund recipient: destination.accountId must be the Gate UID of a Gate user',
  },
  '500205': {
    code: 'invalid_request',
    outcome: 'rejected',
    description: 'The refund currency is neither the order currency nor the currency the user paid',
  },
  '500206': {
    code: 'declined',
    outcome: 'rejected',
    mayFollowExecution: true,
    description: 'The refund amount exceeds the limit (more than the order has left to refund)',
  },
  '500207': {
    code: 'not_found',
    outcome: 'rejected',
    description: 'The address-payment refund order does not exist',
  },
  '500208': {
    code: 'invalid_request',
    outcome: 'rejected',
    description:
      'This order was not paid through a converted address: refund it with endpoint "address", not "convert"',
  },
});

export type GatePayErrorCode = keyof typeof gatePayErrorTable;
