import { invalidRequest } from '@refunds/core';
import type { RefundCursor } from './refund-cursor';

/** Reads a cursor from a client; anything this ledger did not issue is an invalid request, not a crash. */
export function decodeRefundCursor(text: string): RefundCursor {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidRequest('cursor', 'The cursor is not one a previous page returned.');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !Number.isSafeInteger(parsed[0]) ||
    typeof parsed[1] !== 'string' ||
    // No refund id holds a NUL, and PostgreSQL cannot even compare text that does.
    parsed[1].includes('\u0000')
  ) {
    throw invalidRequest('cursor', 'The cursor is not one a previous page returned.');
  }
  return { createdAt: parsed[0] as number, refundId: parsed[1] };
}
