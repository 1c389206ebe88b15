import { RefundError } from '../errors/refund-error';
import type { RefundErrorCode, RefundOutcome } from '../errors/refund-error-code';

/**
 * The default reading of an HTTP status that the provider's own envelope did not explain. A 5xx after a write
 * is `unknown`: the server may have executed the refund before failing.
 */
export function httpStatusError(input: {
  provider: string;
  status: number;
  /** Whether the request could execute a refund; a read that fails executed nothing. */
  writes: boolean;
  raw?: unknown;
  providerMessage?: string;
}): RefundError {
  const { provider, status } = input;
  const [code, outcome]: [RefundErrorCode, RefundOutcome] =
    status === 401 || status === 403
      ? ['authentication', 'rejected']
      : // A bare 404 is a wrong URL, not proof that a refund does not exist: a reconciler must not resend on it.
        status === 404
        ? ['unsupported', 'rejected']
        : status === 408
          ? ['timeout', 'unknown']
          : status === 409
            ? ['duplicate', 'rejected']
            : status === 429
              ? ['rate_limited', 'rejected']
              : status === 501
                ? ['unsupported', 'rejected']
                : status >= 500
                  ? ['provider_unavailable', input.writes ? 'unknown' : 'rejected']
                  : ['invalid_request', 'rejected'];
  return new RefundError({
    code,
    outcome,
    provider,
    providerCode: String(status),
    providerMessage: input.providerMessage,
    raw: input.raw,
    message: `${provider} answered HTTP ${status}${input.providerMessage ? `: ${input.providerMessage}` : ''}${outcome === 'unknown' ? '; the request may have been executed. Check it with getRefund before sending it again.' : '.'}`,
  });
}
