import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type DocumentedRequest,
  documentedRequests,
  replayText,
  sampleNonce,
} from '../__fixtures__/documented-requests';
import {
  documentedResponses,
  documentedXmlRoots,
  jsonMismatches,
  xmlMismatches,
} from '../__fixtures__/documented-responses';
import { createCoinCornerSandbox, type RunningCoinCornerSandbox } from './create-coincorner-sandbox';

interface Answer {
  status: number;
  type: string;
  text: string;
}

/** Sends exactly these bytes with exactly this content type, and no Accept header (the samples send none). */
function send(sandbox: RunningCoinCornerSandbox, action: string, body: string, contentType: string) {
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = httpRequest(
      `${sandbox.url}/api/${action}`,
      { method: 'POST', headers: { 'content-type': contentType } },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, type: incoming.headers['content-type'] ?? '', text }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(Buffer.from(body, 'utf8'));
  });
}

const started: RunningCoinCornerSandbox[] = [];
afterAll(() => Promise.all(started.map((sandbox) => sandbox.close())));

/** A sandbox holding the sample's own credentials and the order it names. */
async function sandboxFor(request: DocumentedRequest, options: { acceptPreservedUserIdCase?: boolean } = {}) {
  const sandbox = await createCoinCornerSandbox({
    credentials: request.credentials,
    settleAfterMs: 60_000,
    ...options,
  });
  started.push(sandbox);
  await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' }, orderId: request.orderId });
  return sandbox;
}

const isXml = (request: DocumentedRequest) => /xml/.test(request.contentType);
const shapeOf = (answer: Answer, expected: 'CheckOrder' | 'GetOrder' | 'Error', xml: boolean) =>
  xml
    ? xmlMismatches(answer.text, documentedResponses[expected], documentedXmlRoots[expected])
    : jsonMismatches(answer.text, documentedResponses[expected]);

describe('the sandbox against the requests CoinCorner documents (only nonce and signature replaced)', () => {
  const reads = documentedRequests.filter((request) => request.action !== 'RefundOrder');
  const refunds = documentedRequests.filter((request) => request.action === 'RefundOrder');

  it.each(reads.map((request) => [request.name, request] as const))(
    '%s: answered with the documented fields and types',
    async (_name, request) => {
      const sandbox = await sandboxFor(request);
      const answer = await send(
        sandbox,
        request.action,
        replayText(request, sampleNonce(request.nonce, 1)),
        request.contentType,
      );
      expect(answer.status).toBe(200);
      // The reply follows the request's format when no Accept header says otherwise (ASP.NET negotiation).
      expect(answer.type).toMatch(
        isXml(request)
          ? /^(application|text)\/xml; charset=utf-8$/
          : /^(application|text)\/json; charset=utf-8$/,
      );
      expect(shapeOf(answer, request.action as 'CheckOrder' | 'GetOrder', isXml(request))).toEqual([]);
      expect(answer.text).toContain(request.orderId);
    },
  );

  it.each(refunds.map((request) => [request.name, request] as const))(
    '%s: refused as the documented error while its address is the placeholder, accepted once filled in',
    async (_name, request) => {
      const sandbox = await sandboxFor(request);
      const refused = await send(
        sandbox,
        'RefundOrder',
        replayText(request, sampleNonce(request.nonce, 1)),
        request.contentType,
      );
      expect(refused.status).toBe(400);
      expect(shapeOf(refused, 'Error', isXml(request))).toEqual([]);
      expect(refused.text).toContain('Invalid address');
      expect(sandbox.executedRefunds()).toEqual([]);

      const accepted = await send(
        sandbox,
        'RefundOrder',
        replayText(request, sampleNonce(request.nonce, 2), true),
        request.contentType,
      );
      // No documented success body: empty, and labelled so that no JSON or XML parser is asked to read it.
      expect(accepted).toEqual({ status: 200, type: 'text/plain; charset=utf-8', text: '' });
      expect(sandbox.executedRefunds()).toHaveLength(1);
      expect(sandbox.orderStatus(request.orderId)).toBe(-4);
    },
  );

  it("accepts the PHP doc sample's signature, which keeps the user id's case, only when told to", async () => {
    const [json] = refunds;
    if (!json) throw new Error('no JSON sample');
    const request: DocumentedRequest = {
      ...json,
      signer: 'php',
      credentials: { ...json.credentials, userId: 'Your UserId' },
    };
    const strict = await sandboxFor(request);
    const refused = await send(
      strict,
      'RefundOrder',
      replayText(request, sampleNonce('seconds', 1), true),
      request.contentType,
    );
    expect(refused).toMatchObject({ status: 400, text: '{"Message":"Invalid signature"}' });
    const lenient = await sandboxFor(request, { acceptPreservedUserIdCase: true });
    const accepted = await send(
      lenient,
      'RefundOrder',
      replayText(request, sampleNonce('seconds', 1), true),
      request.contentType,
    );
    expect(accepted.status).toBe(200);
  });

  it('refuses a replayed sample with its nonce unchanged, as CoinCorner must (the nonce only increases)', async () => {
    const [request] = reads;
    if (!request) throw new Error('no read sample');
    const sandbox = await sandboxFor(request);
    const nonce = sampleNonce(request.nonce, 1);
    expect(
      (await send(sandbox, request.action, replayText(request, nonce), request.contentType)).status,
    ).toBe(200);
    const again = await send(sandbox, request.action, replayText(request, nonce), request.contentType);
    expect(again.status).toBe(400);
    expect(shapeOf(again, 'Error', isXml(request))).toEqual([]);
  });
});
