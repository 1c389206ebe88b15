import { createFakeFetch } from '@refunds/core/testing';
import { signSandboxPayload } from '../sandbox/sign-sandbox-payload';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: Uint8Array;
  text: string;
}

export interface FakeAnswer {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

/**
 * A `fetch` that never touches the network: it records each request exactly as it would go on the wire and
 * answers with what the test says GatePay would.
 */
export function createRecordingFetch(answer: (request: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>) {
  const requests: RecordedRequest[] = [];
  const fake = createFakeFetch((received) => {
    // GatePay bodies are UTF-8 JSON: these are the bytes that were signed and sent.
    const recorded: RecordedRequest = {
      method: received.method,
      url: new URL(received.url),
      headers: received.headers,
      body: new TextEncoder().encode(received.body),
      text: received.body,
    };
    requests.push(recorded);
    return answer(recorded);
  });
  return { fetch: fake.fetch, requests };
}

/**
 * GatePay's HMAC-SHA512 as the sandbox computes it, on node:crypto: tests never check the package's signer with
 * itself.
 */
export const nodeGatePaySignature = signSandboxPayload;

export function successEnvelope(data: unknown): string {
  return JSON.stringify({ status: 'SUCCESS', code: '000000', label: '', errorMessage: '', data });
}

export function failEnvelope(code: string, label = 'failed', errorMessage = ''): string {
  return JSON.stringify({ status: 'FAIL', code, label, errorMessage, data: {} });
}

/** Signature headers for a response body, as a signing GatePay would send them. */
export function signedHeaders(secretKey: string, body: string): Record<string, string> {
  const timestamp = String(Date.now());
  const nonce = 'responseNonce42';
  return {
    'X-GatePay-Timestamp': timestamp,
    'X-GatePay-Nonce': nonce,
    'X-GatePay-Signature': nodeGatePaySignature(secretKey, timestamp, nonce, body),
  };
}

export const testCredentials = { clientId: 'test-client-id', secretKey: 'test-secret-key-not-real' } as const;

/** Checks a recorded request carries GatePay's headers and a signature over exactly the bytes sent. */
export function expectedSignatureOf(
  request: RecordedRequest,
  secretKey: string = testCredentials.secretKey,
): string {
  const timestamp = request.headers.get('x-gatepay-timestamp') ?? '';
  const nonce = request.headers.get('x-gatepay-nonce') ?? '';
  return nodeGatePaySignature(secretKey, timestamp, nonce, request.body);
}
