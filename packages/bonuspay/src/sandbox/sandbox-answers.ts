import { randomBytes } from 'node:crypto';
import type { LoopbackResponse } from '@refunds/core/sandbox';
import { type JsonValue, stringifyJson } from '../json/stringify-json';
import { signSandboxBody } from './sign-sandbox-body';

const contentType = { 'content-type': 'application/json;charset=UTF-8' };

const head = (applyStatus: string, code: string, msg: string) => ({
  applyStatus,
  code,
  msg,
  traceCode: randomBytes(8).toString('hex'),
});

/** Builds BonusPay's envelopes, always with HTTP 200: errors live in `head`. */
export function createSandboxAnswers(platformPrivateKey: string) {
  const signed = (value: JsonValue): LoopbackResponse => {
    const body = stringifyJson(value);
    return {
      status: 200,
      headers: { ...contentType, sign: signSandboxBody(body, platformPrivateKey) },
      body,
    };
  };
  return {
    success: (body: JsonValue): LoopbackResponse => signed({ head: head('SUCCESS', '0', 'SUCCESS'), body }),
    /** A business refusal (77xxx): signed, like every answer past the gateway. */
    refusal: (code: string, msg: string): LoopbackResponse => signed({ head: head('FAIL', code, msg) }),
    /** A gateway error (400, 402, 403, 404, 500, 504, 601): unsigned, as the PayBy SDK tolerates. */
    gatewayError: (code: string, msg: string, applyStatus = 'FAIL'): LoopbackResponse => ({
      status: 200,
      headers: contentType,
      body: stringifyJson({ head: head(applyStatus, code, msg) }),
    }),
  };
}

export type SandboxAnswers = ReturnType<typeof createSandboxAnswers>;
