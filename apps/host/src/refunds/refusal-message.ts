import type { RefundRecord } from '../ledger/ledger';

/**
 * The message of the 422 for a refund its provider adapter or its provider refused as invalid: the provider's
 * own words (its code and what that code means), then whether the request reached the provider, from the
 * failure's recorded outcome. "Not sent" is said only when it provably never left the host: a caller who reads
 * it of a refusal the provider saw would look in the wrong place (and a provider-side record does exist).
 */
export function refusalMessage(refund: Pick<RefundRecord, 'failure' | 'failureOutcome'>): string {
  // Provider messages may already end with a full stop; one is enough.
  const said = (refund.failure?.message ?? 'The refund was refused').replace(/[.\s]+$/, '');
  const reached =
    refund.failureOutcome === 'not_sent'
      ? 'The request never reached the provider (the adapter refused it before sending)'
      : refund.failureOutcome === 'rejected'
        ? 'The request reached the provider, which refused it: nothing was refunded'
        : 'The provider refused it';
  return `${said}. ${reached}. The refund is recorded as failed, so send the corrected refund with a new refundId.`;
}
