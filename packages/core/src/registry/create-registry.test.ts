import { describe, expect, it } from 'vitest';
import type { RefundProviderV1 } from '../contract/refund-provider-v1';
import { refundErrorThrownBy } from '../testing/refund-error-thrown-by';
import { createRegistry, providerAccountIdPattern } from './create-registry';

const fakeProvider = (name: string, notifications: boolean): RefundProviderV1 => ({
  specificationVersion: 'refunds-v1',
  provider: name,
  capabilities: {
    partialRefund: true,
    multipleRefunds: true,
    statusQuery: true,
    notifications,
    nativeIdempotency: true,
  },
  refund: async (request) => ({ ...request, provider: name, status: 'pending', raw: {} }),
  getRefund: async (lookup) => ({
    refundId: lookup.refundId,
    provider: name,
    status: 'succeeded',
    amount: { amount: '1', currency: 'USDT' },
    raw: {},
  }),
});

describe('createRegistry', () => {
  const registry = createRegistry({
    'gatepay:eu': fakeProvider('gatepay', false),
    'iotpay:ca': fakeProvider('iotpay', false),
  });

  it('dispatches to the provider of the account', async () => {
    const result = await registry.refund('iotpay:ca', {
      refundId: 'r1',
      orderId: 'o1',
      amount: { amount: '1.00', currency: 'CAD' },
    });
    expect(result.provider).toBe('iotpay');
    expect(registry.ids).toEqual(['gatepay:eu', 'iotpay:ca']);
  });

  it('names the known accounts when asked for an unknown one', () => {
    const attempt = () => registry.get('bonuspay:x' as 'gatepay:eu');
    expect(attempt).toThrow(/Unknown provider account "bonuspay:x". Known accounts: gatepay:eu, iotpay:ca/);
    expect(refundErrorThrownBy(attempt).outcome).toBe('not_sent');
  });

  it('checks capabilities before dispatch', async () => {
    await expect(
      registry.verifyNotification('gatepay:eu', { body: '{}', headers: {} }),
    ).rejects.toMatchObject({
      code: 'unsupported',
    });
  });

  it('exports the id rule it applies, so a host checks its config by the same rule', () => {
    for (const id of ['gatepay:eu', 'iotpay:ca-2', 'bonuspay:main.v2', 'new-pay:Shop_1']) {
      expect(providerAccountIdPattern.test(id), id).toBe(true);
      expect(() => createRegistry({ [id]: fakeProvider('x', false) } as never), id).not.toThrow();
    }
    for (const id of ['gatepay', 'GatePay:eu', 'gatepay:', ':eu', 'gatepay:eu:2', 'gatepay:e u']) {
      expect(providerAccountIdPattern.test(id), id).toBe(false);
      expect(() => createRegistry({ [id]: fakeProvider('x', false) } as never), id).toThrow(
        /provider:account/,
      );
    }
  });

  it('refuses ids that are not provider:account', () => {
    expect(() => createRegistry({ gatepay: fakeProvider('gatepay', false) } as never)).toThrow(
      /provider:account/,
    );
  });
});
