import { invalidRequest, parseMoney, type RefundLookup, type RefundRequest } from '@refunds/core';
import type { Create__Name__RefundBody } from '../create-refund/create-refund-options';

// TODO: __Name__'s own limits for ids (length, alphabet) and amounts (decimals, minimum, currencies).
const identifier = /^[A-Za-z0-9_-]{1,64}$/;

function checkIdentifier(field: string, value: unknown): string {
  if (typeof value === 'string' && identifier.test(value)) return value;
  throw invalidRequest(field, `${field} must be 1 to 64 letters, digits, "_" or "-"`, '__name__');
}

/** Refuses what __Name__ would refuse, before anything is sent, and returns the body to send. */
export function parseRefundRequest(request: RefundRequest): Create__Name__RefundBody {
  const refundId = checkIdentifier('refundId', request.refundId);
  const orderId = checkIdentifier('orderId', request.orderId);
  const { amount, currency } = parseMoney(request.amount);
  if (request.destination !== undefined) {
    throw invalidRequest(
      'destination',
      '__Name__ refunds to the original payment; leave destination out',
      '__name__',
    );
  }
  if (request.providerOptions !== undefined && Object.keys(request.providerOptions).length > 0) {
    throw invalidRequest('providerOptions', '__Name__ takes no provider options', '__name__');
  }
  return { refundId, orderId, amount, currency, ...(request.reason ? { reason: request.reason } : {}) };
}

/** The refund id of a lookup, checked like the one of a refund. */
export function parseRefundLookup(lookup: RefundLookup): string {
  return checkIdentifier('refundId', lookup.refundId);
}
