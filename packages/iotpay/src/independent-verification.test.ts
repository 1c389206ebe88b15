// A stand-in for IOTPay written from the protocol reference alone, with node:http and node:crypto, sharing no
// code with this package: if the package's signing drifts from the reference, these tests fail.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RefundError } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import { createIotPay } from './create-iotpay';

const merchant = { mchId: '10000576', merchantKey: 'TEST_MERCHANT_KEY_DO_NOT_USE', loginName: 'vancent' };

// Reference A2: drop sign and empty values, sort keys, k=v joined by &, append &key=, MD5 over UTF-8, uppercase.
function referenceSign(fields: Record<string, unknown>, key: string): string {
  const text = Object.keys(fields)
    .filter(
      (name) => name !== 'sign' && fields[name] !== undefined && fields[name] !== null && fields[name] !== '',
    )
    .sort()
    .map((name) => `${name}=${String(fields[name])}`)
    .join('&');
  return createHash('md5').update(`${text}&key=${key}`, 'utf8').digest('hex').toUpperCase();
}

type Answer = 'success' | 'tampered';
let answer: Answer = 'success';
const received: Record<string, unknown>[] = [];

const server: Server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const reply = (body: Record<string, unknown>) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const formOk =
      request.method === 'POST' && request.headers['content-type'] === 'application/x-www-form-urlencoded';
    const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('params');
    if (!formOk || request.url !== '/v1/refund_order' || !params)
      return reply({ retCode: 'FAIL', retMsg: 'post data empty' });
    const fields = JSON.parse(params) as Record<string, unknown>;
    received.push(fields);
    const sign = String(fields.sign ?? '');
    if (sign.toUpperCase() !== referenceSign(fields, merchant.merchantKey)) {
      return reply({ retCode: 'FAIL', retMsg: 'signature error' });
    }
    for (const name of ['mchId', 'mchRefundNo', 'refundAmount', 'clientIp', 'loginName', 'payOrderId']) {
      if (fields[name] === undefined || fields[name] === '')
        return reply({ retCode: 'FAIL', retMsg: `request params[${name}] error.` });
    }
    if (!Number.isInteger(fields.refundAmount))
      return reply({ retCode: 'FAIL', retMsg: 'request params[refundAmount] error.' });
    const body = {
      retCode: 'SUCCESS',
      retMsg: '',
      resCode: 'SUCCESS',
      refundOrderId: 'R01201809181620000001',
    };
    const valid = referenceSign(body, merchant.merchantKey);
    reply({
      ...body,
      sign:
        answer === 'success'
          ? valid.toLowerCase()
          : `${valid.slice(0, 31)}${valid.endsWith('0') ? '1' : '0'}`,
    });
  });
});

let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const request = {
  refundId: '1537224899791',
  orderId: 'U00180918065500913991007022',
  amount: { amount: '0.01', currency: 'CAD' },
  providerOptions: { channelId: 'WX_MICROPAY', clientIp: '24.80.45.254' },
};

describe('a refund against an independent implementation of IOTPay verification', () => {
  it('uses a reference implementation that reproduces the published vector', () => {
    const vector = knownAnswers.vectors[0];
    expect(vector && referenceSign(vector.params, knownAnswers.merchantKey)).toBe(vector?.sign);
  });

  it('succeeds, with the request signed exactly as the reference vector', async () => {
    answer = 'success';
    const result = await createIotPay({ ...merchant, baseUrl }).refund(request);
    expect(result).toMatchObject({
      refundId: '1537224899791',
      providerRefundId: 'R01201809181620000001',
      status: 'pending',
      amount: { amount: '0.01', currency: 'CAD' },
    });
    // Same fields as the reference vector (device empty, so absent): the same sign.
    expect(received.at(-1)?.sign).toBe(knownAnswers.vectors[0]?.sign);
  });

  it('is refused by the server when signed with another key', async () => {
    const error = await createIotPay({ ...merchant, merchantKey: 'ANOTHER_KEY', baseUrl })
      .refund(request)
      .catch((caught: unknown) => caught);
    expect(RefundError.isInstance(error) && [error.code, error.outcome]).toEqual([
      'authentication',
      'rejected',
    ]);
  });

  it('refuses an answer whose sign was tampered with, leaving the refund unknown', async () => {
    answer = 'tampered';
    const error = await createIotPay({ ...merchant, baseUrl })
      .refund(request)
      .catch((caught: unknown) => caught);
    expect(RefundError.isInstance(error) && [error.code, error.outcome]).toEqual([
      'signature_invalid',
      'unknown',
    ]);
  });
});
