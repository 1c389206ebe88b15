import { HostError } from '../refunds/host-error';

/** A person's reason for acting on a refund, kept in its history: required, and never only blanks. */
export function requiredReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') {
    throw new HostError(
      422,
      'invalid_request',
      "reason: is required; say why, for the refund's history.",
      'reason',
    );
  }
  return trimmed;
}
