import { RefundError } from '../errors/refund-error';

// Failures that happen before a connection exists: the provider cannot have seen the request.
const connectionNeverEstablished = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ConnectionRefused',
]);

export type FailureReason = 'attempt-timeout' | 'deadline' | 'caller-abort';

/** Turns a thrown fetch failure into a `RefundError` that says whether the provider may have acted. */
export function classifyFetchFailure(
  error: unknown,
  context: { provider: string; reason: FailureReason | undefined; timeoutMs: number; deadlineMs: number },
): RefundError {
  const { provider, reason } = context;
  if (reason === 'attempt-timeout' || reason === 'deadline') {
    const limit =
      reason === 'deadline' ? `deadline of ${context.deadlineMs} ms` : `${context.timeoutMs} ms timeout`;
    return new RefundError({
      code: 'timeout',
      outcome: 'unknown',
      provider,
      message: `${provider} did not answer within the ${limit}; the request may have been executed. Check it with getRefund before sending it again.`,
      cause: error,
    });
  }
  if (reason === 'caller-abort') {
    return new RefundError({
      code: 'network',
      outcome: 'unknown',
      provider,
      message: `The call to ${provider} was aborted by the caller after it was sent; it may have been executed. Check it with getRefund.`,
      cause: error,
    });
  }
  if (hasErrorCode(error, connectionNeverEstablished)) {
    return new RefundError({
      code: 'network',
      outcome: 'not_sent',
      provider,
      message: `Could not connect to ${provider} (${errorCodeOf(error) ?? 'connection failed'}); nothing was sent. Check the base URL and the network.`,
      cause: error,
    });
  }
  return new RefundError({
    code: 'network',
    outcome: 'unknown',
    provider,
    message: `The connection to ${provider} failed after the request was sent (${errorCodeOf(error) ?? describe(error)}); it may have been executed. Check it with getRefund before sending it again.`,
    cause: error,
  });
}

function hasErrorCode(error: unknown, codes: Set<string>): boolean {
  const code = errorCodeOf(error);
  return code !== undefined && codes.has(code);
}

// Node's fetch nests the socket error in `cause`, and in an AggregateError when several addresses were tried.
function errorCodeOf(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const candidate = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof candidate.code === 'string') return candidate.code;
  if (Array.isArray(candidate.errors)) {
    const codes = candidate.errors.map((inner) => errorCodeOf(inner, depth + 1));
    if (
      codes.length > 0 &&
      codes.every((code) => code !== undefined && connectionNeverEstablished.has(code))
    ) {
      return codes[0];
    }
  }
  return errorCodeOf(candidate.cause, depth + 1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}
