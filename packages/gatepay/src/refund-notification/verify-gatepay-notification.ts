import { type NotificationInput, quoteJsonNumbers, RefundError } from '@refunds/core';
import * as v from 'valibot';
import { readGatePaySignatureHeaders } from '../read-gatepay-signature-headers';
import { verifyGatePaySignature } from '../verify-gatepay-signature';
import {
  type GatePayNotificationData,
  gatePayNotificationSchema,
  notificationDataSchema,
  refundBizType,
  refundNotificationEnvelopeSchema,
} from './refund-notification-api';

export interface GatePayNotification {
  /** `PAY_REFUND` for refunds; `PAY`, `PAY_BATCH`, `WITHDRAW`... for the other kinds. */
  bizType: string;
  /** Empty when a notification of another kind has none. */
  bizId: string;
  bizStatus: string;
  /** From `clientId` or `client_id`, whichever GatePay sent. */
  clientId: string | undefined;
  /**
   * `data`, decoded from its JSON string. For another `bizType`, only the fields it shares with refund
   * notifications, when they fit (`body.data` has all of it).
   */
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
  if (outer.bizType !== refundBizType) {
    // Another kind of notification: verified, but its shape is not this package's business. `data` keeps what
    // fits the refund fields, `body.data` everything GatePay sent.
    const decoded = decodeData(outer.data);
    const fitting = v.safeParse(notificationDataSchema, decoded);
    return {
      bizType: outer.bizType,
      bizId: outer.bizId ?? '',
      bizStatus: outer.bizStatus ?? '',
      clientId: outer.clientId ?? outer.client_id ?? undefined,
      data: fitting.success ? fitting.output : {},
      body: { ...outer, data: decoded },
    };
  }
  const refund = checkShape(outer, refundNotificationEnvelopeSchema);
  const data = parseJson(
    typeof refund.data === 'string' ? refund.data : JSON.stringify(refund.data),
    notificationDataSchema,
  );
  return {
    bizType: outer.bizType,
    bizId: refund.bizId,
    bizStatus: refund.bizStatus,
    clientId: outer.clientId ?? outer.client_id ?? undefined,
    data,
    body: { ...outer, data },
  };
}

// `data` as GatePay meant it: a JSON string decoded (exact digits kept), anything else as it came.
function decodeData(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(quoteJsonNumbers(data));
  } catch {
    return data;
  }
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
  return checkShape(json, schema);
}

function checkShape<const Schema extends v.GenericSchema>(
  value: unknown,
  schema: Schema,
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, value);
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
