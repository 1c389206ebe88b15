import { inspect } from 'node:util';
import { RefundError } from '@refunds/core';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import __camel__Plugin from './__name__-plugin';
import type { __Name__Settings } from './__name__-settings';
import { create__Name__ } from './create-__name__';
import { type __Name__Sandbox, create__Name__Sandbox } from './sandbox/create-__name__-sandbox';

let sandbox: __Name__Sandbox;
beforeAll(async () => {
  sandbox = await create__Name__Sandbox({ settleAfterMs: 50 });
});
afterAll(() => sandbox.close());
afterEach(() => vi.unstubAllEnvs());

const refundOf = async (amount = '1.00') => {
  const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'USD' } });
  return {
    refundId: `t${Date.now()}${Math.random().toString(36).slice(2, 8)}`,
    orderId: order.orderId,
    amount: { amount, currency: 'USD' },
  };
};

describe('create__Name__', () => {
  it('never throws at creation, and names the setting and its variable when a credential is missing', async () => {
    vi.stubEnv('__ENV___MERCHANT_ID', '');
    vi.stubEnv('__ENV___SECRET_KEY', '');
    const provider = create__Name__();
    const error = await provider.refund(await refundOf()).catch((caught: unknown) => caught);
    expect(RefundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent' });
    expect((error as RefundError).message).toMatch(/__ENV___(SECRET_KEY|MERCHANT_ID)/);
  });

  it('reads credentials from the environment at the first call', async () => {
    const { merchantId, secretKey, baseUrl } = sandbox.settings as Required<__Name__Settings>;
    vi.stubEnv('__ENV___MERCHANT_ID', merchantId);
    vi.stubEnv('__ENV___SECRET_KEY', secretKey);
    vi.stubEnv('__ENV___BASE_URL', baseUrl);
    const result = await create__Name__().refund(await refundOf());
    expect(result.status).toBe('pending');
  });

  it('keeps the secret key out of errors, even when __Name__ refuses it', async () => {
    const settings = {
      ...(sandbox.settings as __Name__Settings),
      secretKey: 'a-wrong-secret-key-0123456789',
    };
    const error = await create__Name__(settings)
      .refund(await refundOf())
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'authentication', outcome: 'rejected' });
    expect(`${JSON.stringify(error)} ${inspect(error)}`).not.toContain('a-wrong-secret-key-0123456789');
  });

  it('is what the plugin creates from validated settings', async () => {
    const settings = v.parse(__camel__Plugin.settingsSchema, sandbox.settings);
    const provider = __camel__Plugin.create(settings);
    expect(provider.provider).toBe('__name__');
    expect(__camel__Plugin.secretSettings).toEqual(['secretKey']);
    expect((await provider.refund(await refundOf('2.50'))).amount).toEqual({
      amount: '2.50',
      currency: 'USD',
    });
  });
});
