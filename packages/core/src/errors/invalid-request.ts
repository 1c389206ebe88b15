import { RefundError } from './refund-error';

/** The error for input refused before anything is sent: it names the field and the rule. */
export function invalidRequest(field: string, message: string, provider?: string): RefundError {
  return new RefundError({ code: 'invalid_request', outcome: 'not_sent', field, message, provider });
}
