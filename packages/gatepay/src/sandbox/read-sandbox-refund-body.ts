import { compareAmounts, quoteJsonNumbers } from '@refunds/core';
import type { LoopbackRequest } from '@refunds/core/sandbox';
import type { SandboxRejection } from './authenticate-sandbox-request';
import type { SandboxRefundEndpoint } from './create-sandbox-ledger';

/** A refund request as the simulator understood it, whichever endpoint it came through. */
export interface SandboxRefundInstruction {
  endpoint: SandboxRefundEndpoint;
  refundRequestId: string;
  prepayId: string;
  amount: string | undefined;
  orderCurrency: string | undefined;
  payCurrency: string | undefined;
  payAmount: string | undefined;
  receiverId: string | undefined;
  reason: string;
  style: number;
  channel: number;
  address: string;
  chain: string;
  bearType: number;
  fingerprint: string;
}

/** An int64 Gate UID; 0 passes here and means "none" (V2) or "not a Gate user" (receiverId). */
const gateUid = /^(0|[1-9]\d{0,18})$/;
const int64Max = 9223372036854775807n;

const parameterError = (detail: string): SandboxRejection => ({
  code: '400001',
  label: `Parameter error: ${detail}`,
});

/**
 * Reads a refund body leniently, like GatePay's SDKs let it (unknown fields ignored, ids as strings or numbers),
 * but refuses amounts that are not decimal strings with at most 6 decimals within 0.0001..5000000.
 */
export function readSandboxRefundBody(
  endpoint: SandboxRefundEndpoint,
  request: LoopbackRequest,
): SandboxRefundInstruction | SandboxRejection {
  let typed: Record<string, unknown>;
  let exact: Record<string, unknown>;
  try {
    typed = JSON.parse(request.text) as Record<string, unknown>;
    exact = JSON.parse(quoteJsonNumbers(request.text)) as Record<string, unknown>;
  } catch {
    return parameterError('the body is not JSON');
  }
  if (typeof typed !== 'object' || typed === null || Array.isArray(typed))
    return parameterError('the body is not an object');
  const id = (key: string): string | undefined =>
    typeof typed[key] === 'string' || typeof typed[key] === 'number' ? String(exact[key]) : undefined;
  const text = (key: string): string | undefined =>
    typeof typed[key] === 'string' ? (typed[key] as string) : undefined;
  const integer = (key: string): number =>
    typeof typed[key] === 'number' ? (typed[key] as number) : Number(text(key) ?? 0);

  const refundRequestId = id('refundRequestId');
  const prepayId = id('prepayId');
  if (!refundRequestId || refundRequestId.length > 32)
    return parameterError('refundRequestId is required, at most 32 characters');
  if (!prepayId) return parameterError('prepayId is required');
  const isConvert = endpoint === 'convert' || endpoint === 'checkout';
  const amountKey = isConvert ? 'refundOrderAmount' : 'refundAmount';
  for (const key of isConvert ? ['refundOrderAmount', 'refundPayAmount'] : ['refundAmount']) {
    if (typed[key] === undefined) continue;
    const problem = amountProblem(typed[key]);
    if (problem) return parameterError(`${key} ${problem}`);
  }
  if (!isConvert && typed.refundAmount === undefined) return parameterError('refundAmount is required');
  if (isConvert && typed.refundOrderAmount === undefined && typed.refundPayAmount === undefined) {
    return parameterError('refundOrderAmount or refundPayAmount is required');
  }
  if (isConvert && (!text('refundOrderCurrency') || !text('refundPayCurrency'))) {
    return parameterError('refundOrderCurrency and refundPayCurrency are required');
  }
  const reason = text('refundReason') ?? '';
  if (reason.length > 256) return parameterError('refundReason is at most 256 characters');
  const needsReceiver = endpoint === 'address' || isConvert;
  const receiverKey = needsReceiver ? 'receiverId' : 'refundToGateUid';
  const receiverId = id(receiverKey);
  if (needsReceiver && receiverId === undefined) return parameterError('receiverId is required');
  if (receiverId !== undefined && !(gateUid.test(receiverId) && BigInt(receiverId) <= int64Max))
    return parameterError(`${receiverKey} must be a Gate UID`);

  return {
    endpoint,
    refundRequestId,
    prepayId,
    amount: text(amountKey),
    orderCurrency: text('refundOrderCurrency'),
    payCurrency: text('refundPayCurrency'),
    payAmount: text('refundPayAmount'),
    // In V2 a Gate UID only names the account of a refund to a specified Gate account: 0 (the int64 zero value
    // the Go SDK sends with every other refund) or no field at all means none, the original payment path.
    receiverId: !needsReceiver && receiverId === '0' ? undefined : receiverId,
    reason,
    style: integer('refundStyle') || 1,
    channel: integer('refundPayChannel'),
    address: text('refundAddress') ?? '',
    chain: text('refundChain') ?? '',
    bearType: integer('refundBearType') || 1,
    fingerprint: JSON.stringify([endpoint, exact]),
  };
}

function amountProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a decimal string';
  if (!/^\d+(\.\d{1,6})?$/.test(value)) return 'must be a decimal with at most 6 decimal places';
  if (compareAmounts(value, '0.0001') < 0 || compareAmounts(value, '5000000') > 0)
    return 'must be within 0.0001..5000000';
  return undefined;
}
