import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import type { HttpRequestEvent, RefundRequest } from '@refunds/core';
import { refundErrorThrownBy, refundErrorOf as refusal } from '@refunds/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createRecordingFetch,
  type FakeAnswer,
  failEnvelope,
  type RecordedRequest,
  signedHeaders,
  successEnvelope,
  testCredentials,
} from './__fixtures__/recording-fetch';
import { createGatePay } from './create-gatepay';
import { createGatePayClient } from './create-gatepay-client';
import type { GatePaySettings } from './gatepay-settings';

const request: RefundRequest = {
  refundId: 'refund-1',
  orderId: '1665553233227833',
  amount: { amount: '3.5', currency: 'USDT' },
  reason: 'damaged',
};
const accepted = {
  refundRequestId: 'refund-1',
  refundGateId: '2001234567890123456',
  prepayId: '1665553233227833',
  orderAmount: '10',
  refundAmount: '3.50',
  errMsg: '',
  orderCurrency: 'USDT',
  payCurrency: 'USDT',
  payAmount: '10',
};

function subject(answer: (request: RecordedRequest) => FakeAnswer, settings: GatePaySettings = {}) {
  const { fetch, requests } = createRecordingFetch(answer);
  return {
    provider: createGatePay({ ...testCredentials, baseUrl: 'https://gatepay.test', fetch, ...settings }),
    requests,
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createGatePay', () => {
  it('sends a refund to the V2 endpoint by default and reports it pending, never done', async () => {
    const { provider, requests } = subject(() => ({ body: successEnvelope(accepted) }));
    const result = await provider.refund(request);
    expect(requests[0]?.url.pathname).toBe('/v2/standard/order/refund');
    expect(JSON.parse(requests[0]?.text ?? '')).toEqual({
      refundRequestId: 'refund-1',
      prepayId: '1665553233227833',
      refundAmount: '3.5',
      refundReason: 'damaged',
    });
    expect(result).toMatchObject({
      refundId: 'refund-1',
      provider: 'gatepay',
      providerRefundId: '2001234567890123456',
      status: 'pending',
      amount: { amount: '3.5', currency: 'USDT' },
    });
    expect(result.raw).toMatchObject({ status: 'SUCCESS', data: { refundGateId: '2001234567890123456' } });
  });

  it('uses the refundEndpoint setting, its environment variable, and providerOptions.endpoint over both', async () => {
    const answer = () => ({ body: successEnvelope({ ...accepted, orderCurrency: undefined }) });
    const bySetting = subject(answer, { refundEndpoint: 'order' });
    await bySetting.provider.refund(request);
    expect(bySetting.requests[0]?.url.pathname).toBe('/v1/pay/order/refund');

    vi.stubEnv('GATEPAY_REFUND_ENDPOINT', 'order');
    const byEnvironment = subject(answer);
    await byEnvironment.provider.refund(request);
    expect(byEnvironment.requests[0]?.url.pathname).toBe('/v1/pay/order/refund');
    await byEnvironment.provider.refund({ ...request, providerOptions: { endpoint: 'standard' } });
    expect(byEnvironment.requests[1]?.url.pathname).toBe('/v2/standard/order/refund');
  });

  it('sends the default reason where GatePay requires one, and none where it is optional', async () => {
    const { provider, requests } = subject(() => ({ body: successEnvelope(accepted) }), {
      defaultRefundReason: 'Returned goods',
    });
    const { reason: _, ...withoutReason } = request;
    await provider.refund(withoutReason);
    await provider.refund({ ...withoutReason, providerOptions: { endpoint: 'order' } });
    expect(JSON.parse(requests[0]?.text ?? '').refundReason).toBe('Returned goods');
    expect(JSON.parse(requests[1]?.text ?? '')).not.toHaveProperty('refundReason');
  });

  it('maps a Gate-account destination and a Web3 destination onto refundStyle 2', async () => {
    const { provider, requests } = subject(() => ({ body: successEnvelope(accepted) }));
    await provider.refund({ ...request, destination: { accountId: '18014398509481985' } });
    await provider.refund({
      ...request,
      destination: { address: 'TXyzAbc', network: 'TRX' },
      providerOptions: { refundBearType: 2 },
    });
    expect(requests[0]?.text).toContain(
      '"refundStyle":2,"refundPayChannel":1,"refundToGateUid":18014398509481985}',
    );
    expect(requests[1]?.text).toContain(
      '"refundStyle":2,"refundPayChannel":2,"refundAddress":"TXyzAbc","refundChain":"TRX","refundBearType":2}',
    );
  });

  it.each([
    ['another refund id', { refundRequestId: 'refund-2' }, /refundRequestId "refund-2"/],
    ['another order', { prepayId: '1665553233227834' }, /prepayId "1665553233227834"/],
    ['another amount', { refundAmount: '35' }, /amount 35 instead of 3.5/],
    ['another currency', { orderCurrency: 'BTC' }, /currency BTC instead of USDT/],
  ])('refuses to report a refund accepted for %s, leaving it unknown', async (_, change, message) => {
    const { provider } = subject(() => ({ body: successEnvelope({ ...accepted, ...change }) }));
    const error = await refusal(provider.refund(request));
    expect(error).toMatchObject({ code: 'invalid_response', outcome: 'unknown' });
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/getRefund/);
  });

  it('treats a success without the echoed fields as unknown, not as accepted', async () => {
    const { provider } = subject(() => ({ body: successEnvelope({ refundRequestId: 'refund-1' }) }));
    expect(await refusal(provider.refund(request))).toMatchObject({
      code: 'invalid_response',
      outcome: 'unknown',
    });
  });

  it('verifies a response signature when present and refuses a bad one, even unrequired', async () => {
    const body = successEnvelope(accepted);
    const good = subject(() => ({ body, headers: signedHeaders(testCredentials.secretKey, body) }));
    await expect(good.provider.refund(request)).resolves.toMatchObject({ status: 'pending' });
    const forged = subject(() => ({ body, headers: signedHeaders('another-secret', body) }));
    expect(await refusal(forged.provider.refund(request))).toMatchObject({
      code: 'signature_invalid',
      outcome: 'unknown',
    });
    const { 'X-GatePay-Nonce': _, ...withoutNonce } = signedHeaders(testCredentials.secretKey, body);
    const partial = subject(() => ({ body, headers: withoutNonce }));
    expect(await refusal(partial.provider.refund(request))).toMatchObject({ code: 'signature_invalid' });
  });

  it('accepts an unsigned response by default, and refuses it with requireSignedResponses', async () => {
    const answer = () => ({ body: successEnvelope(accepted) });
    await expect(subject(answer).provider.refund(request)).resolves.toMatchObject({ status: 'pending' });
    const strict = subject(answer, { requireSignedResponses: true });
    const error = await refusal(strict.provider.refund(request));
    expect(error).toMatchObject({ code: 'signature_invalid', outcome: 'unknown' });
    expect(error.message).toMatch(/requireSignedResponses/);
  });

  it('reads a gateway error page by its HTTP status, and a non-JSON 200 after a write as unknown', async () => {
    const gateway = subject(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    expect(await refusal(gateway.provider.refund(request))).toMatchObject({
      code: 'provider_unavailable',
      outcome: 'unknown',
    });
    const garbled = subject(() => ({ body: '{"status":"SUC' }));
    expect(await refusal(garbled.provider.refund(request))).toMatchObject({
      code: 'invalid_response',
      outcome: 'unknown',
    });
  });

  it('reports nothing sent when GatePay cannot be reached at all', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const provider = createGatePay({
      ...testCredentials,
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 2_000,
    });
    expect(await refusal(provider.refund(request))).toMatchObject({ code: 'network', outcome: 'not_sent' });
  });
});

describe('createGatePay reconciliation hints', () => {
  it("gives the host a settle window past GatePay's timestamp window and a one-day pending limit by default", () => {
    vi.stubEnv('GATEPAY_SETTLE_WINDOW_MS', '');
    vi.stubEnv('GATEPAY_MAXIMUM_PENDING_MS', '');
    expect(createGatePay(testCredentials).reconciliation).toEqual({
      settleWindowMs: 360_000,
      maximumPendingMs: 86_400_000,
    });
  });

  it('takes both from the settings, then from their environment variables, read when asked', () => {
    vi.stubEnv('GATEPAY_SETTLE_WINDOW_MS', '');
    vi.stubEnv('GATEPAY_MAXIMUM_PENDING_MS', '');
    const provider = createGatePay(testCredentials);
    vi.stubEnv('GATEPAY_SETTLE_WINDOW_MS', '120000');
    vi.stubEnv('GATEPAY_MAXIMUM_PENDING_MS', '3600000');
    expect(provider.reconciliation).toEqual({ settleWindowMs: 120_000, maximumPendingMs: 3_600_000 });
    expect(
      createGatePay({ ...testCredentials, settleWindowMs: 0, maximumPendingMs: 1_000 }).reconciliation,
    ).toEqual({ settleWindowMs: 0, maximumPendingMs: 1_000 });
  });

  it.each([
    ['GATEPAY_SETTLE_WINDOW_MS', '1.5', 'settleWindowMs'],
    ['GATEPAY_SETTLE_WINDOW_MS', '-1', 'settleWindowMs'],
    ['GATEPAY_MAXIMUM_PENDING_MS', 'a day', 'maximumPendingMs'],
    ['GATEPAY_MAXIMUM_PENDING_MS', '0', 'maximumPendingMs'],
  ])('refuses %s=%s, naming the setting and the variable', (variable, value, setting) => {
    vi.stubEnv('GATEPAY_SETTLE_WINDOW_MS', '');
    vi.stubEnv('GATEPAY_MAXIMUM_PENDING_MS', '');
    vi.stubEnv(variable, value);
    const error = refundErrorThrownBy(() => createGatePay(testCredentials).reconciliation);
    expect(error).toMatchObject({ code: 'invalid_request', field: setting });
    expect(error.message).toContain(variable);
  });

  it('refuses a non-integer setting given directly', () => {
    expect(() => createGatePay({ ...testCredentials, settleWindowMs: 1.5 }).reconciliation).toThrow(
      /settleWindowMs/,
    );
  });
});

describe('createGatePay credentials', () => {
  it('names the setting and the environment variable of a missing credential, and sends nothing', async () => {
    vi.stubEnv('GATEPAY_CLIENT_ID', '');
    vi.stubEnv('GATEPAY_SECRET_KEY', '');
    const { fetch, requests } = createRecordingFetch(() => ({ body: successEnvelope(accepted) }));
    const withoutClientId = createGatePay({ secretKey: 'test-secret-key-not-real', fetch });
    const error = await refusal(withoutClientId.refund(request));
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'clientId' });
    expect(error.message).toContain('GATEPAY_CLIENT_ID');
    const withoutSecret = createGatePay({ clientId: 'id', fetch });
    const secretError = await refusal(withoutSecret.getRefund({ refundId: 'refund-1' }));
    expect(secretError).toMatchObject({ field: 'secretKey' });
    expect(secretError.message).toContain('GATEPAY_SECRET_KEY');
    expect(requests).toHaveLength(0);
  });

  it('reads the environment lazily, at the first call rather than at creation', async () => {
    vi.stubEnv('GATEPAY_CLIENT_ID', '');
    vi.stubEnv('GATEPAY_SECRET_KEY', '');
    const { fetch, requests } = createRecordingFetch(() => ({ body: successEnvelope(accepted) }));
    const provider = createGatePay({ fetch });
    vi.stubEnv('GATEPAY_CLIENT_ID', 'from-environment');
    vi.stubEnv('GATEPAY_SECRET_KEY', 'secret-from-environment');
    vi.stubEnv('GATEPAY_BASE_URL', 'https://gatepay-env.test');
    await provider.refund(request);
    expect(requests[0]?.url.origin).toBe('https://gatepay-env.test');
    expect(requests[0]?.headers.get('x-gatepay-certificate-clientid')).toBe('from-environment');
  });

  it('goes to the production URL by default and refuses a base URL that is not http(s)', async () => {
    vi.stubEnv('GATEPAY_BASE_URL', '');
    vi.stubEnv('GATEPAY_REFUND_ENDPOINT', '');
    const { fetch, requests } = createRecordingFetch(() => ({ body: successEnvelope(accepted) }));
    await createGatePay({ ...testCredentials, fetch }).refund(request);
    expect(requests[0]?.url.origin).toBe('https://openplatform.gateapi.io');
    const error = await refusal(
      createGatePay({ ...testCredentials, fetch, baseUrl: 'ftp://x' }).refund(request),
    );
    expect(error).toMatchObject({ field: 'baseUrl', outcome: 'not_sent' });
  });

  it('never shows the secret when the provider or client is logged, inspected or serialized', () => {
    const secretKey = 'super-secret-gatepay-key-123';
    const provider = createGatePay({ clientId: 'id', secretKey });
    const client = createGatePayClient({ clientId: 'id', secretKey });
    for (const value of [provider, client]) {
      expect(inspect(value, { depth: 10, showHidden: true, getters: true })).not.toContain(secretKey);
      expect(JSON.stringify(value)).not.toContain(secretKey);
      expect(String(value)).not.toContain(secretKey);
    }
  });

  it('redacts the secret from errors, raw payloads and hooks, even when GatePay echoes it', async () => {
    const secretKey = 'super-secret-gatepay-key-123';
    const events: unknown[] = [];
    const { fetch } = createRecordingFetch(() => ({
      body: failEnvelope('400002', 'Signature error', `bad key ${secretKey}`),
    }));
    const provider = createGatePay({
      clientId: 'id',
      secretKey,
      fetch,
      hooks: {
        onRequest: (event: HttpRequestEvent) => events.push(event),
        onResponse: (event) => events.push(event),
      },
    });
    const error = await refusal(provider.refund(request));
    expect(error).toMatchObject({ code: 'authentication', outcome: 'rejected', providerCode: '400002' });
    for (const shown of [
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
      error.message,
      JSON.stringify(events),
    ]) {
      expect(shown).not.toContain(secretKey);
    }
    expect(JSON.stringify(events)).not.toMatch(/[0-9a-f]{128}/);
  });
});

describe('createGatePay getRefund', () => {
  const details = (change: Record<string, unknown> = {}) =>
    successEnvelope({
      refundRequestId: 'refund-1',
      gateRefundId: '2001234567890123456',
      orderId: '1665553233227833',
      requestAmount: '3.5',
      requestCurrency: 'USDT',
      amount: '3.5',
      currency: 'USDT',
      status: 'SUCCESS',
      ...change,
    });

  it.each([
    ['SUCCESS', 'succeeded'],
    ['PROCESS', 'pending'],
    ['FAIL', 'failed'],
    ['', 'pending'],
    ['SOMETHING_NEW', 'pending'],
  ])('reads details status %s as %s', async (status, expected) => {
    const { provider, requests } = subject(() => ({
      body: details({ status, refund_fail_reason: 'address invalid' }),
    }));
    const result = await provider.getRefund({ refundId: 'refund-1' });
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.pathname).toBe('/v2/pay/refund/details');
    expect(result).toMatchObject({
      refundId: 'refund-1',
      providerRefundId: '2001234567890123456',
      status: expected,
      amount: { amount: '3.5', currency: 'USDT' },
    });
    if (expected === 'failed') expect(result.failure).toEqual({ code: 'FAIL', message: 'address invalid' });
    else expect(result.failure).toBeUndefined();
  });

  it('falls back to the v1 query when the V2 details do not know the refund', async () => {
    const { provider, requests } = subject((recorded) =>
      recorded.url.pathname === '/v2/pay/refund/details'
        ? { body: failEnvelope('400304', 'Refund ID does not exist') }
        : {
            body: successEnvelope({
              refundRequestId: 'refund-1',
              prepayId: '1665553233227833',
              refundAmount: '3.5',
              refundStatus: 'SUCCESS',
            }),
          },
    );
    const result = await provider.getRefund({ refundId: 'refund-1', orderId: '1665553233227833' });
    expect(requests.map((recorded) => recorded.url.pathname)).toEqual([
      '/v2/pay/refund/details',
      '/v1/pay/order/refund/query',
    ]);
    expect(result).toMatchObject({ status: 'succeeded', amount: { amount: '3.5', currency: '' } });
  });

  it('reports a refund neither query knows as not_found', async () => {
    const { provider } = subject(() => ({ body: failEnvelope('400304', 'Refund ID does not exist') }));
    expect(await refusal(provider.getRefund({ refundId: 'refund-9' }))).toMatchObject({
      code: 'not_found',
      outcome: 'rejected',
    });
  });

  it('refuses details that describe another refund', async () => {
    const { provider } = subject(() => ({ body: details({ refundRequestId: 'refund-2' }) }));
    expect(await refusal(provider.getRefund({ refundId: 'refund-1' }))).toMatchObject({
      code: 'invalid_response',
    });
  });

  it('refuses a bad refund id before querying', async () => {
    const { provider, requests } = subject(() => ({ body: details() }));
    expect(await refusal(provider.getRefund({ refundId: 'r'.repeat(40) }))).toMatchObject({
      field: 'refundId',
      outcome: 'not_sent',
    });
    expect(requests).toHaveLength(0);
  });
});
