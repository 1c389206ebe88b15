import { verify } from 'node:crypto';
import { quoteJsonNumbers } from '@refunds/core';
import type { LoopbackRequest, LoopbackResponse } from '@refunds/core/sandbox';
import type { SandboxAnswers } from './sandbox-answers';

export interface AuthenticatedBizContent {
  /** `bizContent` as `JSON.parse` reads it, to see which values are JSON numbers. */
  plain: Record<string, unknown>;
  /** The same with every number kept as its exact text. */
  exact: Record<string, unknown>;
}

export interface SandboxAuthenticationContext {
  partnerId: string;
  /** The public key the merchant "uploaded to the portal". */
  merchantPublicKey: string;
  answers: SandboxAnswers;
  requestTimeWindowMs: number;
  invalidSignatureCode: string;
  /** Signatures already seen, when replays are refused. */
  seenSignatures: Set<string> | undefined;
}

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The gateway's checks, in BonusPay's order: Partner-Id and sign present, the merchant known, the SHA256withRSA
 * signature valid over the exact bytes received, then requestTime within the window. Each failure is the
 * unsigned global error the reference lists; INVALID_PARAMETER names the header or field at fault.
 */
export function authenticateSandboxRequest(
  request: LoopbackRequest,
  context: SandboxAuthenticationContext,
): AuthenticatedBizContent | LoopbackResponse {
  const { answers } = context;
  const invalid = (field: string | undefined, rule: string) => answers.invalidParameter({ field, rule });
  const partnerId = request.headers.get('partner-id');
  const signature = request.headers.get('sign');
  if (!partnerId) return invalid('Partner-Id', 'the header is required');
  if (!signature) return invalid('sign', 'the header is required');
  if (partnerId !== context.partnerId) return answers.gatewayError('403', 'UNAUTHORIZED');

  const signatureBytes = base64.test(signature) ? Buffer.from(signature, 'base64') : undefined;
  if (!signatureBytes || !verify('sha256', request.body, context.merchantPublicKey, signatureBytes)) {
    return answers.gatewayError(context.invalidSignatureCode, 'INVALID_SIGNATURE', 'ERROR');
  }
  if (context.seenSignatures) {
    if (context.seenSignatures.has(signature))
      return invalid('sign', 'this exact request was already received');
    context.seenSignatures.add(signature);
  }

  let plain: unknown;
  let exact: unknown;
  try {
    plain = JSON.parse(request.text);
    exact = JSON.parse(quoteJsonNumbers(request.text));
  } catch {
    return invalid(undefined, 'the body is not JSON');
  }
  if (!isRecord(plain) || !isRecord(exact)) return invalid(undefined, 'the body must be a JSON object');
  const { requestTime } = plain;
  if (typeof requestTime !== 'number' || !Number.isSafeInteger(requestTime)) {
    return invalid('requestTime', 'must be the time of the request in epoch milliseconds, an integer');
  }
  const now = Date.now();
  if (requestTime < now - context.requestTimeWindowMs)
    return answers.gatewayError('400', 'REQUESTTIME_TOO_EARLY');
  if (requestTime > now + context.requestTimeWindowMs)
    return answers.gatewayError('400', 'REQUESTTIME_TOO_LATER');
  if (!isRecord(plain.bizContent) || !isRecord(exact.bizContent)) {
    return invalid('bizContent', 'must be a JSON object');
  }
  return { plain: plain.bizContent, exact: exact.bizContent };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
