import { type NotificationInput, quoteJsonNumbers, RefundError } from '@refunds/core';
import * as v from 'valibot';
import { readGatePaySignatureHeaders } from '../read-gatepay-signature-headers';
import { verifyGatePaySignature } from '../verify-gatepay-signature';
import {
  type GatePayNotificationData,
  gatePayNotificationSchema,
  notificationDataSchema,
} from './refund-notification-api';

export interface GatePayNotification {
  bizType: string;
  bizId: string;
  bizStatus: string;
  /** From `clientId` or `client_id`, whichever GatePay sent. */
  clientId: string | undefined;
  /** `data`, decoded from its JSON string. */
  data: GatePayNotificationData;
  /** The outer body as parsed, with `data` decoded. */
  body: Record<string, unknown>;
}

export interface VerifyGatePayNotificationInput extends NotificationInput {
  secretKey: string;
  /** How far `X-GatePay-Timestamp` may be from now; `Infinity` turns the check off. Default 300 000 ms. */
  toleranceMs?: number;
  now?: () => number;
}

const encoder = new TextEncoder();

/**
 * Verifies a GatePay notification over its raw bytes (same HMAC-SHA512 as requests, same secret), then its
 * timestamp window, and only then parses it. Any forgery is a RefundError `signature_invalid`.
 */
export async function verifyGatePayNotification(
  input: VerifyGatePayNotificationInput,
): Promise<GatePayNotification> {
  const body = typeof input.body === 'string' ? encoder.encode(input.body) : input.body;
  const { timestamp, nonce, signature } = readGatePaySignatureHeaders(input.headers);
  if (timestamp === undefined || nonce === undefined || signature === undefined) {
    throw forged('lacks X-GatePay-Timestamp, X-GatePay-Nonce or X-GatePay-Signature');
  }
  if (!(await verifyGatePaySignature({ secretKey: input.secretKey, timestamp, nonce, body, signature }))) {
    throw forged(
      'has a signature that does not match its body (check secretKey, and pass the raw body unparsed)',
    );
  }
  const toleranceMs = input.toleranceMs ?? 300_000;
  const sentAt = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  const now = (input.now ?? Date.now)();
  if (!(Math.abs(now - sentAt) <= toleranceMs)) {
    throw forged(
      `was signed at ${timestamp}, outside the ${toleranceMs} ms window (replayed, or a clock is wrong)`,
    );
  }
  const outer = parseJson(new TextDecoder().decode(body), gatePayNotificationSchema);
  const data = parseJson(
    typeof outer.data === 'string' ? outer.data : JSON.stringify(outer.data),
    notificationDataSchema,
  );
  return {
    bizType: outer.bizType,
    bizId: outer.bizId,
    bizStatus: outer.bizStatus,
    clientId: outer.clientId ?? outer.client_id ?? undefined,
    data,
    body: { ...outer, data },
  };
}

function parseJson<const Schema extends v.GenericSchema>(
  text: string,
  schema: Schema,
): v.InferOutput<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(quoteJsonNumbers(text));
  } catch {
    throw malformed('is not JSON');
  }
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  const [issue] = result.issues;
  throw malformed(
    `has an unexpected shape (${issue.path?.map((item) => String(item.key)).join('.') || '(root)'}: ${issue.message})`,
  );
}

function forged(problem: string): RefundError {
  return new RefundError({
    code: 'signature_invalid',
    outcome: 'rejected',
    provider: 'gatepay',
    message: `GatePay notification ${problem}; do not act on it or acknowledge it.`,
  });
}

function malformed(problem: string): RefundError {
  return new RefundError({
    code: 'invalid_response',
    outcome: 'rejected',
    provider: 'gatepay',
    message: `GatePay notification is correctly signed but ${problem}.`,
  });
}
