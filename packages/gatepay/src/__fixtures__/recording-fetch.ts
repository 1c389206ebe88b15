import { createHmac } from 'node:crypto';

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
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const body = new Uint8Array(await request.arrayBuffer());
    const recorded: RecordedRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body,
      text: new TextDecoder().decode(body),
    };
    requests.push(recorded);
    const { status = 200, body: responseBody, headers = {} } = await answer(recorded);
    return new Response(responseBody, {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** GatePay's HMAC-SHA512 written again on node:crypto, so tests never check the package's signer with itself. */
export function nodeGatePaySignature(
  secretKey: string,
  timestamp: string,
  nonce: string,
  body: string | Uint8Array,
): string {
  return createHmac('sha512', secretKey)
    .update(`${timestamp}\n${nonce}\n`)
    .update(body)
    .update('\n')
    .digest('hex');
}

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
