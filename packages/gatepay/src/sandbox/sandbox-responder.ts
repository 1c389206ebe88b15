import { randomBytes } from 'node:crypto';
import type { LoopbackResponse } from '@refunds/core/sandbox';
import { writeJsonIntegers } from './json-integer';
import { signSandboxPayload } from './sign-sandbox-payload';

const signatureHeaders = ['X-GatePay-Timestamp', 'X-GatePay-Nonce', 'X-GatePay-Signature'];

export interface SandboxResponder {
  /** Values made with `jsonInteger` go out as JSON numbers, as GatePay's SDK models type them. */
  success(data: Record<string, unknown>): LoopbackResponse;
  /** A documented FAIL envelope: HTTP 500 for the system errors, 200 for everything else. */
  fail(code: string, label: string, errorMessage?: string): LoopbackResponse;
  /** For the harness's `unsigned-body` and `tampered-signature` faults. */
  strip(response: LoopbackResponse): LoopbackResponse;
  tamper(response: LoopbackResponse): LoopbackResponse;
}

/** GatePay's response envelope, signed like a request when `signResponses` is on. */
export function createSandboxResponder(options: {
  secretKey: string;
  signResponses: boolean;
}): SandboxResponder {
  const respond = (status: number, body: string): LoopbackResponse => {
    if (!options.signResponses) return { status, body };
    const timestamp = String(Date.now());
    const nonce = randomBytes(16).toString('hex');
    const signature = signSandboxPayload(options.secretKey, timestamp, nonce, body);
    return {
      status,
      body,
      headers: {
        'X-GatePay-Timestamp': timestamp,
        'X-GatePay-Nonce': nonce,
        'X-GatePay-Signature': signature,
      },
    };
  };
  return {
    success(data) {
      return respond(
        200,
        writeJsonIntegers(
          JSON.stringify({ status: 'SUCCESS', code: '000000', label: '', errorMessage: '', data }),
        ),
      );
    },
    fail(code, label, errorMessage = label) {
      const status = ['300000', '300001', '400000'].includes(code) ? 500 : 200;
      return respond(status, JSON.stringify({ status: 'FAIL', code, label, errorMessage, data: {} }));
    },
    strip(response) {
      const headers = { ...response.headers };
      for (const name of signatureHeaders) delete headers[name];
      return { ...response, headers };
    },
    tamper(response) {
      const signature = response.headers?.['X-GatePay-Signature'] ?? '0'.repeat(128);
      const flipped = (signature[0] === '0' ? '1' : '0') + signature.slice(1);
      return { ...response, headers: { ...response.headers, 'X-GatePay-Signature': flipped } };
    },
  };
}
