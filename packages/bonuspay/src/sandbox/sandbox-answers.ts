import { randomBytes } from 'node:crypto';
import { type LosslessJsonValue, stringifyLosslessJson } from '@refunds/core';
import type { LoopbackResponse } from '@refunds/core/sandbox';
import { signSandboxBody } from './sign-sandbox-body';

const contentType = { 'content-type': 'application/json;charset=UTF-8' };

const head = (applyStatus: string, code: string, msg: string) => ({
  applyStatus,
  code,
  msg,
  traceCode: randomBytes(8).toString('hex'),
});

/** What makes a request `400 INVALID_PARAMETER`: the field at fault (where there is one) and the rule. */
export interface SandboxParameterProblem {
  field?: string;
  rule: string;
}

/** Builds BonusPay's envelopes, always with HTTP 200: errors live in `head`. */
export function createSandboxAnswers(platformPrivateKey: string) {
  const signed = (value: LosslessJsonValue): LoopbackResponse => {
    const body = stringifyLosslessJson(value);
    return {
      status: 200,
      headers: { ...contentType, sign: signSandboxBody(body, platformPrivateKey) },
      body,
    };
  };
  const gatewayError = (code: string, msg: string, applyStatus = 'FAIL'): LoopbackResponse => ({
    status: 200,
    headers: contentType,
    body: stringifyLosslessJson({ head: head(applyStatus, code, msg) }),
  });
  return {
    success: (body: LosslessJsonValue): LoopbackResponse =>
      signed({ head: head('SUCCESS', '0', 'SUCCESS'), body }),
    /** A business refusal (77xxx): signed, like every answer past the gateway. */
    refusal: (code: string, msg: string): LoopbackResponse => signed({ head: head('FAIL', code, msg) }),
    /** A gateway error (400, 402, 403, 404, 500, 504, 601): unsigned, as the PayBy SDK tolerates. */
    gatewayError,
    /**
     * `400 INVALID_PARAMETER` that says which field and rule, so that the merchant can act. The documented token
     * comes first, so a client that reads only it still sees INVALID_PARAMETER:
     * `INVALID_PARAMETER: chainCode: is required for a chain payment`.
     */
    invalidParameter: ({ field, rule }: SandboxParameterProblem): LoopbackResponse =>
      gatewayError('400', `INVALID_PARAMETER: ${field === undefined ? '' : `${field}: `}${rule}`),
  };
}

export type SandboxAnswers = ReturnType<typeof createSandboxAnswers>;
