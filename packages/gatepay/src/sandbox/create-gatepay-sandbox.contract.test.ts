import { randomInt } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import {
  gatePaySdkGoModels,
  httpResponse,
  queryRefundRespV2,
  refundDetailItem,
} from '../__fixtures__/gatepay-sdk-go-models';
import type { GoType, goStruct } from '../__fixtures__/go-json-schema';
import recorded from '../__fixtures__/official-sdk-requests.json';
import { parseJsonKeepingNumbers } from '../__fixtures__/parse-json-keeping-numbers';
import { nodeGatePaySignature } from '../__fixtures__/recording-fetch';
import { signGatePayRequest } from '../sign-gatepay-request';
import { createGatePaySandbox, type GatePaySandbox } from './create-gatepay-sandbox';
import type { SeedOrderInput } from './create-sandbox-ledger';

// Contract tests (issue 14): the exact requests GatePay's official clients build, replayed over loopback HTTP
// against the sandbox, whose answers must then decode under the official Go SDK's model types.

/** One entry of `official-sdk-requests.json`. */
interface RecordedRequest {
  name: string;
  /** Requests of one scenario run in order against one sandbox. */
  scenario: string;
  source: { repository: string; commit: string; files: string[]; example: string; note?: string };
  method: 'GET' | 'POST';
  path: string;
  query: string;
  headers: Record<string, string>;
  /** The exact body text, sent and signed as is. */
  body: string;
  signing: { secretKey: string; timestamp: string; nonce: string; nonceLength: number };
  answer: { model: keyof typeof gatePaySdkGoModels; status: 'SUCCESS' | 'FAIL'; code?: string };
}

// JSON imports are typed by their union of shapes; the interface above is what each entry is.
const requests = recorded.requests as unknown as RecordedRequest[];

// The SDK examples' own credentials, so the recorded signatures verify as they are.
const credentials = { clientId: 'client-id', secretKey: 'secret-key' };

const checkoutOrder: SeedOrderInput = { prepayId: 'order-id', amount: { amount: '10', currency: 'USDT' } };
// The paid orders each scenario's requests refer to, by the ids the SDK examples use.
const scenarioOrders: Record<string, SeedOrderInput[]> = {
  'v2-original-path': [checkoutOrder],
  'v2-named-gate-account': [checkoutOrder],
  'v2-gate-without-uid': [checkoutOrder],
  'v2-web3': [checkoutOrder],
  'v2-web3-trx': [checkoutOrder],
  'v1-order': [checkoutOrder],
  address: [{ ...checkoutOrder, kind: 'address' }],
  convert: [
    {
      prepayId: 'order-id',
      kind: 'convert',
      amount: { amount: '0.001', currency: 'BTC' },
      payAmount: { amount: '44', currency: 'USDT' },
    },
  ],
  checkout: [{ ...checkoutOrder, kind: 'convert', payAmount: { amount: '10', currency: 'USDT' } }],
  mcp: [checkoutOrder],
};

const scenarios = [...new Set(requests.map((request) => request.scenario))];

let sandboxes: GatePaySandbox[] = [];
afterEach(async () => {
  for (const sandbox of sandboxes) await sandbox.close();
  sandboxes = [];
});

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const freshNonce = (length: number) =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

function headerName(request: RecordedRequest, name: string): string {
  const found = Object.keys(request.headers).find((key) => key.toLowerCase() === name);
  if (!found) throw new Error(`${request.name} records no ${name} header`);
  return found;
}

/**
 * Sends the recorded request as its client would now: the same method, path, query, headers and body bytes, with
 * a current timestamp and a fresh nonce signed the way that client signs (the sandbox enforces its timestamp
 * window and nonce reuse). node:http, because the Go SDK sends a body with its GETs and `fetch` cannot.
 */
function replay(sandbox: GatePaySandbox, request: RecordedRequest) {
  const timestamp = String(Date.now());
  const nonce = freshNonce(request.signing.nonceLength);
  const headers: Record<string, string> = {
    ...request.headers,
    // As Go's transport sends it; without it node:http would send a GET's body as nothing.
    ...(request.body === '' ? {} : { 'Content-Length': String(Buffer.byteLength(request.body)) }),
    [headerName(request, 'x-gatepay-timestamp')]: timestamp,
    [headerName(request, 'x-gatepay-nonce')]: nonce,
    [headerName(request, 'x-gatepay-signature')]: nodeGatePaySignature(
      credentials.secretKey,
      timestamp,
      nonce,
      request.body,
    ),
  };
  const url = new URL(`${request.path}${request.query ? `?${request.query}` : ''}`, sandbox.url);
  return new Promise<{ status: number; contentType: string; text: string }>((resolve, reject) => {
    const outgoing = httpRequest(url, { method: request.method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          contentType: String(incoming.headers['content-type']),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(request.body === '' ? undefined : Buffer.from(request.body, 'utf8'));
  });
}

/** What Go's decoder reports: the first field whose JSON type does not fit, or nothing. */
function goDecodeProblem(schema: GoType, value: unknown): string | undefined {
  const result = v.safeParse(schema, value);
  if (result.success) return undefined;
  const [issue] = result.issues;
  return `${issue.path?.map((item) => String(item.key)).join('.') || '(root)'}: ${issue.message}`;
}

/** Fields a model declares that the answer leaves out: a misspelt name decodes "fine" in Go, as a zero value. */
function missingFields(schema: GoType, value: unknown): string[] {
  const { fields } = schema as ReturnType<typeof goStruct>;
  const object = value as Record<string, unknown>;
  return Object.keys(fields).filter((field) => !Object.hasOwn(object, field));
}

describe('recorded official-client requests', () => {
  it.each(requests.map((request) => [request.name, request] as const))(
    '%s names its source and carries the signature its client computes',
    async (_, request) => {
      expect(request.source.repository).toMatch(/^gate\/gatepay-(sdk-go|merchant-mcp)$/);
      expect(request.source.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(request.source.files.length).toBeGreaterThan(0);
      expect(request.source.example).not.toBe('');
      const { timestamp, nonce, secretKey } = request.signing;
      const recordedSignature = request.headers[headerName(request, 'x-gatepay-signature')];
      expect(request.headers[headerName(request, 'x-gatepay-timestamp')]).toBe(timestamp);
      expect(request.headers[headerName(request, 'x-gatepay-nonce')]).toBe(nonce);
      expect(nonce).toHaveLength(request.signing.nonceLength);
      expect(recordedSignature).toBe(nodeGatePaySignature(secretKey, timestamp, nonce, request.body));
      // This package's own signer agrees with the official clients over the same bytes.
      expect(await signGatePayRequest({ secretKey, timestamp, nonce, body: request.body })).toBe(
        recordedSignature,
      );
      if (request.source.repository === 'gate/gatepay-sdk-go') {
        // json.Encoder ends the body with a newline, and BaseRequest's fields lead it.
        expect(request.body.endsWith('}\n')).toBe(true);
        expect(request.body.startsWith('{"Header":')).toBe(true);
      }
    },
  );
});

describe.each(scenarios)('the sandbox answers the official clients (scenario %s)', (scenario) => {
  it('accepts every recorded request and answers in the Go SDK model types', async () => {
    const sandbox = await createGatePaySandbox({ ...credentials, settleAfterMs: 60_000 });
    sandboxes.push(sandbox);
    for (const order of scenarioOrders[scenario] ?? []) await sandbox.seedOrder(order);

    for (const request of requests.filter((candidate) => candidate.scenario === scenario)) {
      const executedBefore = sandbox.executedRefunds().length;
      const response = await replay(sandbox, request);
      const received = sandbox.requests.at(-1);
      expect(received?.text, `${request.name}: the body arrived byte for byte`).toBe(request.body);

      expect(response.status, request.name).toBe(200);
      expect(response.contentType).toMatch(/^application\/json/);
      const envelope = parseJsonKeepingNumbers(response.text) as Record<string, unknown>;
      expect(goDecodeProblem(httpResponse, envelope), request.name).toBeUndefined();
      expect(missingFields(httpResponse, envelope), request.name).toEqual([]);
      expect(
        { status: envelope.status, code: envelope.code },
        `${request.name}: ${String(envelope.label)}`,
      ).toMatchObject({
        status: request.answer.status,
        ...(request.answer.code === undefined ? {} : { code: request.answer.code }),
      });

      if (request.answer.status === 'FAIL') {
        expect(sandbox.executedRefunds(), `${request.name} executed nothing`).toHaveLength(executedBefore);
        continue;
      }
      const model = gatePaySdkGoModels[request.answer.model];
      expect(goDecodeProblem(model, envelope.data), request.name).toBeUndefined();
      expect(missingFields(model, envelope.data), request.name).toEqual([]);
      if (request.answer.model === 'QueryRefundRespV2') {
        const { refundDetails } = envelope.data as { refundDetails: unknown[] };
        expect(refundDetails.length).toBeGreaterThan(0);
        for (const detail of refundDetails) expect(missingFields(refundDetailItem, detail)).toEqual([]);
      }
    }
  });
});

describe('the Go model schemas', () => {
  it('refuse what the Go SDK cannot decode, such as billType as the string "1"', () => {
    const details = (billType: string) =>
      parseJsonKeepingNumbers(`{"refundRequestId":"r","refundDetails":[{"billType":${billType}}]}`);
    expect(goDecodeProblem(queryRefundRespV2, details('1'))).toBeUndefined();
    expect(goDecodeProblem(queryRefundRespV2, details('"1"'))).toMatch(/refundDetails\.0\.billType/);
    expect(goDecodeProblem(queryRefundRespV2, details('256'))).toMatch(/uint8/);
    expect(goDecodeProblem(queryRefundRespV2, details('1.5'))).toMatch(/uint8/);
    expect(goDecodeProblem(queryRefundRespV2, parseJsonKeepingNumbers('{"refund_to_gate_uid":"0"}'))).toMatch(
      /int64/,
    );
    expect(
      goDecodeProblem(queryRefundRespV2, parseJsonKeepingNumbers('{"orderId":1665553233227833}')),
    ).toMatch(/string/);
    expect(
      goDecodeProblem(queryRefundRespV2, parseJsonKeepingNumbers('{"payerId":9223372036854775808}')),
    ).toMatch(/int64/);
    expect(
      goDecodeProblem(
        queryRefundRespV2,
        parseJsonKeepingNumbers('{"payerId":9223372036854775807,"remark":null}'),
      ),
    ).toBeUndefined();
  });
});
