import { defineErrorTable } from '@refunds/core';

/**
 * Every error code __Name__ documents, mapped once. TODO: __Name__'s full table; a code missing here falls back
 * to the HTTP status, which knows less.
 */
export const __camel__ErrorTable = defineErrorTable({
  INVALID_REQUEST: {
    code: 'invalid_request',
    outcome: 'rejected',
    description: 'A field is missing or malformed: fix the request.',
  },
  INVALID_SIGNATURE: {
    code: 'authentication',
    outcome: 'rejected',
    description: 'The signature does not match: check the secret key.',
  },
  UNKNOWN_MERCHANT: {
    code: 'authentication',
    outcome: 'rejected',
    description: 'The merchant id is not known: check the merchant id.',
  },
  STALE_TIMESTAMP: {
    code: 'authentication',
    outcome: 'rejected',
    retryable: true,
    description: 'The request timestamp is outside the allowed window: check the clock.',
  },
  ORDER_NOT_FOUND: { code: 'not_found', outcome: 'rejected', description: 'No paid order has this id.' },
  REFUND_NOT_FOUND: { code: 'not_found', outcome: 'rejected', description: 'No refund has this id.' },
  AMOUNT_EXCEEDED: {
    code: 'declined',
    outcome: 'rejected',
    description: 'The amount is more than what is left to refund on the order.',
    // An earlier attempt of this refund that executed would leave too little: on a resend, evidence of it.
    mayFollowExecution: true,
  },
  CURRENCY_MISMATCH: {
    code: 'invalid_request',
    outcome: 'rejected',
    description: 'The currency is not the currency the order was paid in.',
  },
  DUPLICATE_REFUND: {
    code: 'duplicate',
    outcome: 'rejected',
    description: 'The refund id was already used for a different refund.',
    mayFollowExecution: true,
  },
  RATE_LIMITED: { code: 'rate_limited', outcome: 'rejected', description: 'Too many requests: slow down.' },
  SYSTEM_ERROR: {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description: '__Name__ failed while handling the request; a refund may have been executed.',
  },
});

export type __Name__ErrorCode = keyof typeof __camel__ErrorTable;
