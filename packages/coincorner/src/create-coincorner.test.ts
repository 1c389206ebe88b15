import { inspect } from 'node:util';
import { type HttpRequestEvent, type HttpResponseEvent, RefundError } from '@refunds/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { scriptedFetch } from './__fixtures__/scripted-fetch';
import { testCredentials, testnetAddress } from './__fixtures__/test-credentials';
import { createCoinCorner } from './create-coincorner';
import { createCoinCornerClient } from './create-coincorner-client';
import { createCoinCornerSandbox, type RunningCoinCornerSandbox } from './sandbox/create-coincorner-sandbox';

let sandbox: RunningCoinCornerSandbox;
beforeAll(async () => {
  sandbox = await createCoinCornerSandbox({ settleAfterMs: 5_000 });
});
afterAll(() => sandbox.close());
afterEach(() => {
  vi.unstubAllEnvs();
});

const refundFor = async () => {
  const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
  return {
    refundId: `r-${order.orderId}`,
    orderId: order.orderId,
    amount: order.amount,
    destination: order.destination,
  };
};

/** Every form a secret can take in text: as given, lower-cased (CoinCorner lower-cases keys), upper-cased. */
const secretForms = (...secrets: string[]) =>
  secrets.flatMap((secret) => [secret, secret.toLowerCase(), secret.toUpperCase()]);

describe('createCoinCorner', () => {
  it('declares what CoinCorner can do', () => {
    const provider = createCoinCorner(sandbox.settings);
    expect(provider).toMatchObject({
      specificationVersion: 'refunds-v1',
      provider: 'coincorner',
      capabilities: {
        partialRefund: true,
        multipleRefunds: false,
        statusQuery: true,
        notifications: true,
        nativeIdempotency: false,
      },
    });
  });

  it('shows no credential when the provider or the client is logged, inspected or serialized', () => {
    const credentials = { ...testCredentials(), apiKey: 'ABCDEF01-2345-4789-ABCD-EF0123456789' };
    for (const subject of [createCoinCorner(credentials), createCoinCornerClient(credentials)]) {
      const shown = [
        inspect(subject, { depth: 10, showHidden: true }),
        JSON.stringify(subject),
        String(subject),
      ].join('\n');
      for (const secret of secretForms(credentials.apiKey, credentials.apiSecret))
        expect(shown).not.toContain(secret);
    }
  });

  it('keeps credentials out of errors, raw payloads and hook events', async () => {
    const events: (HttpRequestEvent | HttpResponseEvent)[] = [];
    const settings = { ...sandbox.settings, apiSecret: sandbox.settings.apiSecret.toUpperCase() };
    const provider = createCoinCorner({
      ...settings,
      hooks: { onRequest: (event) => events.push(event), onResponse: (event) => events.push(event) },
    });
    // The secret is given in capitals (CoinCorner signs with it lower-cased), so both forms must be hidden. An
    // unknown order gives an error to look into; the second refund succeeds.
    const request = await refundFor();
    const error = await provider.refund({ ...request, orderId: '1' }).catch((caught: unknown) => caught);
    expect(RefundError.isInstance(error)).toBe(true);
    await provider.refund(request);
    const shown = [inspect(error, { depth: 10 }), JSON.stringify(error), JSON.stringify(events)].join('\n');
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events[0]?.body).toContain('APIKey=[REDACTED]');
    for (const secret of secretForms(settings.apiKey, settings.apiSecret))
      expect(shown).not.toContain(secret);
  });

  it('reports a missing credential at the first call, naming the setting and its environment variable', async () => {
    vi.stubEnv('COINCORNER_API_KEY', '');
    vi.stubEnv('COINCORNER_API_SECRET', '');
    vi.stubEnv('COINCORNER_USER_ID', '');
    const { fetch, sent } = scriptedFetch();
    const provider = createCoinCorner({ apiKey: testCredentials().apiKey, userId: '1', fetch });
    const error = await provider.refund(await refundFor()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'apiSecret' });
    expect((error as Error).message).toContain('COINCORNER_API_SECRET');
    expect(sent).toHaveLength(0);
  });

  it('reads credentials from the environment when the settings have none', async () => {
    vi.stubEnv('COINCORNER_API_KEY', sandbox.settings.apiKey);
    vi.stubEnv('COINCORNER_API_SECRET', sandbox.settings.apiSecret);
    vi.stubEnv('COINCORNER_USER_ID', sandbox.settings.userId);
    const provider = createCoinCorner({ baseUrl: sandbox.url });
    await expect(provider.refund(await refundFor())).resolves.toMatchObject({ status: 'pending' });
  });

  it('refuses an API key that is not a GUID without repeating it', async () => {
    const { fetch, sent } = scriptedFetch();
    const provider = createCoinCorner({ ...testCredentials(), apiKey: 'not-a-guid-secret-value', fetch });
    const error = await provider.refund(await refundFor()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_request', field: 'apiKey', outcome: 'not_sent' });
    expect((error as Error).message).not.toContain('not-a-guid-secret-value');
    expect(sent).toHaveLength(0);
  });

  it.each([
    ['refundType', { refundType: -1 }],
    ['userIdCase', { userIdCase: 'upper' }],
    ['baseUrl', { baseUrl: 'checkout.coincorner.com' }],
    ['amountMaxDecimals', { amountMaxDecimals: 1.5 }],
  ])('refuses a bad %s setting when created', (field, setting) => {
    expect(() => createCoinCorner({ ...testCredentials(), ...(setting as object) })).toThrowError(
      expect.objectContaining({ code: 'invalid_request', field }),
    );
  });

  it('signs with the user id case kept when userIdCase is preserve', async () => {
    const mixedCase = await createCoinCornerSandbox({
      credentials: { ...testCredentials(), userId: 'MerchantABC' },
      acceptPreservedUserIdCase: false,
    });
    try {
      const order = await mixedCase.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
      const request = {
        refundId: 'case',
        orderId: order.orderId,
        amount: order.amount,
        destination: { address: testnetAddress },
      };
      const preserving = createCoinCorner({ ...mixedCase.settings, userIdCase: 'preserve' });
      await expect(preserving.refund(request)).rejects.toMatchObject({
        providerMessage: 'Invalid signature',
      });
      await expect(createCoinCorner(mixedCase.settings).refund(request)).resolves.toMatchObject({
        status: 'pending',
      });
    } finally {
      await mixedCase.close();
    }
  });
});
