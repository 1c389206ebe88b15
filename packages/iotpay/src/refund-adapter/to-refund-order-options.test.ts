import { RefundError, type RefundRequest } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { fakeRequest, fakeSettings } from '../__fixtures__/fake-iotpay-fetch';
import { createIotPay } from '../create-iotpay';
import { toRefundOrderOptions } from './to-refund-order-options';

let sent = 0;
const provider = createIotPay({
  ...fakeSettings,
  fetch: async () => {
    sent++;
    throw new Error('nothing may be sent for invalid input');
  },
});

async function refusal(request: unknown): Promise<RefundError> {
  const before = sent;
  const error = await provider.refund(request as RefundRequest).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(sent, 'a request was sent').toBe(before);
  if (!RefundError.isInstance(error)) throw new Error(`expected a RefundError, got ${String(error)}`);
  expect(error.code).toBe('invalid_request');
  expect(error.outcome).toBe('not_sent');
  expect(error.provider).toBe('iotpay');
  return error;
}

const withAmount = (amount: unknown, currency: unknown = 'CAD') => ({
  ...fakeRequest,
  amount: { amount, currency },
});

describe('input validation before anything is sent', () => {
  it.each([
    ['a fraction of a cent, never rounded', withAmount('10.005'), 'amount.amount', /will not be rounded/],
    [
      'a JavaScript number',
      withAmount(10.5),
      'amount.amount',
      /JavaScript numbers cannot hold money exactly/,
    ],
    ['zero', withAmount('0.00'), 'amount.amount', /greater than zero/],
    ['a negative amount', withAmount('-1.00'), 'amount.amount', /negative/],
    ['exponent notation', withAmount('1e3'), 'amount.amount', /exponent/],
    [
      'more than IOTPay int cents can hold',
      withAmount('21474836.48'),
      'amount.amount',
      /at most 21474836.47/,
    ],
    ['a currency IOTPay does not take', withAmount('1.00', 'EUR'), 'amount.currency', /CAD, USD/],
    ['a lower-case currency', withAmount('1.00', 'cad'), 'amount.currency', /capitals/],
    ['a missing amount', { ...fakeRequest, amount: undefined }, 'amount', /object/],
    [
      'a refundId longer than mchRefundNo String(30)',
      { ...fakeRequest, refundId: 'R'.repeat(31) },
      'refundId',
      /at most 30/,
    ],
    ['an empty refundId', { ...fakeRequest, refundId: '' }, 'refundId', /must not be empty/],
    ['a refundId with a space', { ...fakeRequest, refundId: 'R 1' }, 'refundId', /printable ASCII/],
    ['a non-ASCII refundId', { ...fakeRequest, refundId: 'Rémi' }, 'refundId', /printable ASCII/],
    ['a number refundId', { ...fakeRequest, refundId: 42 }, 'refundId', /must be a string/],
    [
      'an orderId longer than payOrderId String(64)',
      { ...fakeRequest, orderId: 'U'.repeat(65) },
      'orderId',
      /at most 64/,
    ],
    ['a missing orderId', { ...fakeRequest, orderId: undefined }, 'orderId', /must be a string/],
    ['a destination', { ...fakeRequest, destination: { address: 'x' } }, 'destination', /original/],
    [
      'an unknown provider option',
      { ...fakeRequest, providerOptions: { notifyUrl: 'x' } },
      'providerOptions.notifyUrl',
      /only channelId/,
    ],
    [
      'a malformed channelId',
      { ...fakeRequest, providerOptions: { channelId: 'wx native' } },
      'providerOptions.channelId',
      /channel id/,
    ],
    [
      'a clientIp longer than String(32)',
      { ...fakeRequest, providerOptions: { clientIp: '1'.repeat(33) } },
      'providerOptions.clientIp',
      /at most 32/,
    ],
    ['no request at all', null, 'request', /must be an object/],
  ])('refuses %s', async (_name, request, field, rule) => {
    const error = await refusal(request);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(rule);
  });

  it('refuses a missing credential naming the setting and its environment variable', async () => {
    const bare = createIotPay({ baseUrl: fakeSettings.baseUrl, fetch: async () => Response.error() });
    const error = (await bare.refund(fakeRequest).then(
      () => undefined,
      (caught: unknown) => caught,
    )) as RefundError;
    expect([error.code, error.outcome, error.field]).toEqual(['invalid_request', 'not_sent', 'mchId']);
    expect(error.message).toContain('IOTPAY_MCH_ID');
  });
});

describe('toRefundOrderOptions', () => {
  it('turns CAD and USD decimals into exact integer cents', () => {
    expect(toRefundOrderOptions(withAmount('10.5') as RefundRequest).refundAmount).toBe(1050n);
    expect(toRefundOrderOptions(withAmount('0.01', 'USD') as RefundRequest).refundAmount).toBe(1n);
    expect(toRefundOrderOptions(withAmount('19.99') as RefundRequest).refundAmount).toBe(1999n);
    expect(toRefundOrderOptions(withAmount('21474836.47') as RefundRequest).refundAmount).toBe(2147483647n);
  });

  it('accepts surplus trailing zeros and reports the amount with two decimals', () => {
    const plan = toRefundOrderOptions(withAmount('10.500') as RefundRequest);
    expect(plan.refundAmount).toBe(1050n);
    expect(plan.amount).toEqual({ amount: '10.50', currency: 'CAD' });
  });

  it('passes the IOTPay options through and ignores reason, which refund_order has no field for', () => {
    const plan = toRefundOrderOptions({
      ...fakeRequest,
      reason: 'customer returned the jacket',
      destination: {},
      providerOptions: { channelId: 'WX_MICROPAY', device: 'WEB', clientIp: '24.80.45.254' },
    });
    expect(plan).toMatchObject({ channelId: 'WX_MICROPAY', device: 'WEB', clientIp: '24.80.45.254' });
    expect(Object.values(plan)).not.toContain('customer returned the jacket');
  });
});
