import { RefundError } from '../errors/refund-error';

/** Bad amounts are caught before anything reaches a provider, so the money certainly did not move. */
export function invalidAmount(field: string, message: string, provider?: string): RefundError {
  return new RefundError({ code: 'invalid_request', outcome: 'not_sent', field, message, provider });
}
