import {
  type NotificationInput,
  parseJsonResponse,
  quoteJsonNumbers,
  type Redactor,
  RefundError,
} from '@refunds/core';
import * as v from 'valibot';
import { verifyBonusPaySignature } from '../verify-bonuspay-signature';
import { readSignatureHeader } from './read-signature-header';
import {
  type RefundNotificationPayload,
  refundNotificationSchema,
  wrappedRefundNotificationSchema,
} from './refund-notification-api';

export interface VerifiedRefundNotification {
  notification: RefundNotificationPayload;
  /** Whether the payload came flat (as the PayBy SDK sends it) or wrapped in `{"body":...}`. */
  shape: 'flat' | 'wrapped';
  /** The parsed payload, redacted. */
  raw: unknown;
}

/**
 * Verifies a refund notification over the exact bytes received, then parses it. Both the flat and the
 * `{"body":...}` shape are read, but only once the signature over the whole body holds. A missing or wrong
 * signature is `signature_invalid`: answer the sender with an error and change nothing.
 */
export async function verifyRefundNotification(
  input: NotificationInput,
  platformPublicKey: string,
  redactor: Redactor,
): Promise<VerifiedRefundNotification> {
  const bytes = typeof input.body === 'string' ? new TextEncoder().encode(input.body) : input.body;
  const text = new TextDecoder().decode(bytes);
  const signature = readSignatureHeader(input.headers);
  if (!(await verifyBonusPaySignature(bytes, signature, platformPublicKey))) {
    throw new RefundError({
      code: 'signature_invalid',
      outcome: 'rejected',
      provider: 'bonuspay',
      raw: redactor.body(text),
      message: `BonusPay notification ${signature === null ? 'has no Sign header' : 'has a Sign header that does not verify with platformPublicKey'}: it was not sent by BonusPay or was altered. Do not act on it; pass the raw body bytes and headers exactly as received.`,
    });
  }
  const parsed = parseJsonResponse(
    quoteJsonNumbers(text),
    v.union([refundNotificationSchema, wrappedRefundNotificationSchema]),
    { provider: 'bonuspay', outcome: 'rejected', raw: redactor.body(text) },
  );
  const wrapped = 'body' in parsed && !('refundOrder' in parsed);
  const notification = wrapped
    ? (parsed as v.InferOutput<typeof wrappedRefundNotificationSchema>).body
    : (parsed as RefundNotificationPayload);
  return { notification, shape: wrapped ? 'wrapped' : 'flat', raw: redactor.value(parsed) };
}
