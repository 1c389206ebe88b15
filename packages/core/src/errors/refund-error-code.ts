/** The closed set of reasons a refund call can fail; every provider maps its own codes onto these. */
export const refundErrorCodes = [
  'invalid_request',
  'authentication',
  'declined',
  'not_found',
  'duplicate',
  'rate_limited',
  'provider_unavailable',
  'network',
  'timeout',
  'invalid_response',
  'signature_invalid',
  'unsupported',
] as const;

export type RefundErrorCode = (typeof refundErrorCodes)[number];

/**
 * What the failure says about the money:
 * - `not_sent`: the provider never received the request;
 * - `rejected`: the provider received it and certainly did not execute it;
 * - `unknown`: it may have executed. Reconcile with `getRefund`; never resend blindly.
 */
export type RefundOutcome = 'not_sent' | 'rejected' | 'unknown';
