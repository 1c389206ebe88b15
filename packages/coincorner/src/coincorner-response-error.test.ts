import { createRedactor, type HttpResponse } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { coincornerResponseError } from './coincorner-response-error';

const response = (status: number, text: string): HttpResponse => ({
  status,
  headers: new Headers(),
  body: new TextEncoder().encode(text),
  text,
  url: 'https://api.coincorner.invalid/api/Refund',
  attempts: 1,
});

const redactor = createRedactor(() => ['s3cret-value']);
const refund = { action: 'Refund', writes: true, redactor };

describe('coincornerResponseError', () => {
  it('leaves an HTTP 500 after a refund to reconciliation: it may have executed', () => {
    const error = coincornerResponseError(response(500, '{"Message":"An error has occurred."}'), refund);
    expect(error).toMatchObject({
      code: 'provider_unavailable',
      outcome: 'unknown',
      provider: 'coincorner',
      providerCode: '500',
      providerMessage: 'An error has occurred.',
      raw: { Message: 'An error has occurred.' },
    });
    expect(error.message).toMatch(/^CoinCorner Refund answered HTTP 500 "An error has occurred\."\. /);
  });

  it('takes a 400 with ModelState for a refused field, and one naming the nonce for a nonce refusal', () => {
    const modelState = coincornerResponseError(
      response(400, '{"Message":"The request is invalid.","ModelState":{"Amount":["bad"]}}'),
      refund,
    );
    expect(modelState.code).toBe('invalid_request');
    expect(modelState.outcome).toBe('rejected');
    const nonce = coincornerResponseError(response(401, '{"Message":"Invalid nonce"}'), refund);
    expect(nonce.providerCode).toBe('401');
    expect(nonce.message).toContain('CoinCorner Refund answered HTTP 401 "Invalid nonce"');
    const plain = coincornerResponseError(response(401, '{"Message":"Unauthorized"}'), refund);
    expect(plain.code).toBe('authentication');
  });

  it('reads a 400 without a readable body, and a ModelState on another status, by the status', () => {
    const unreadable = coincornerResponseError(response(400, 'Bad Request'), refund);
    expect(unreadable.code).toBe('declined');
    expect(unreadable.providerMessage).toBeUndefined();
    const notFound = coincornerResponseError(response(404, '{"Message":"No order","ModelState":{}}'), refund);
    expect(notFound.code).toBe('not_found');
  });

  it('redacts secrets from the message it keeps', () => {
    const error = coincornerResponseError(response(500, '{"Message":"key s3cret-value rejected"}'), refund);
    expect(error.providerMessage).not.toContain('s3cret-value');
    expect(error.message).not.toContain('s3cret-value');
  });

  it('reads a body that is not JSON as text, with no provider message', () => {
    const error = coincornerResponseError(response(502, '<html>Bad gateway</html>'), refund);
    expect(error).toMatchObject({ outcome: 'unknown', raw: '<html>Bad gateway</html>' });
    expect(error.providerMessage).toBeUndefined();
    expect(error.message).toMatch(/^CoinCorner Refund answered HTTP 502\. /);
  });

  it('reads an undocumented error status through the default HTTP reading', () => {
    const error = coincornerResponseError(response(418, '{}'), refund);
    expect(error.provider).toBe('coincorner');
    expect(error.outcome).toBe('rejected');
  });

  it('leaves a non-error status after a write unknown, and after a read rejected', () => {
    const written = coincornerResponseError(response(302, ''), refund);
    expect(written).toMatchObject({
      code: 'invalid_response',
      outcome: 'unknown',
      providerCode: '302',
      provider: 'coincorner',
    });
    expect(written.message).toBe(
      'CoinCorner Refund answered HTTP 302, which its protocol does not use; the refund may have been executed: check it with getRefund before sending it again.',
    );
    const read = coincornerResponseError(response(302, ''), {
      action: 'CheckOrder',
      writes: false,
      redactor,
    });
    expect(read.outcome).toBe('rejected');
    expect(read.message).toBe('CoinCorner CheckOrder answered HTTP 302, which its protocol does not use.');
  });
});
